#!/usr/bin/env bash
# Regenerates sample-vault/Attachments (committed; CI never runs this).
# Needs: espeak-ng, ffmpeg, ImageMagick (convert), exiftool
#   apt-get update && apt-get install -y espeak-ng ffmpeg libimage-exiftool-perl imagemagick
# Everything is synthetic: Spanish speech from espeak-ng, a terminal "screenshot" and a
# whiteboard photo drawn by ImageMagick. Names follow Obsidian's recorder and phone cameras,
# so the plugin can take entry times from them; the screenshot carries an EXIF capture time.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/sample-vault/Attachments"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"

speak() { # speak <text> <wav>
  espeak-ng -v es-419 -s 150 -w "$2" "$1"
}

# Voice note from Obsidian's recorder (.webm, Opus) about the staging deployment.
speak "El despliegue en staging se completó sin errores. Todos los health checks están en verde y la latencia promedio es de ciento ochenta milisegundos. El modelo whisper funciona perfectamente en el clúster." "$work/deploy.wav"
ffmpeg -hide_banner -loglevel error -y -i "$work/deploy.wav" -ac 1 -ar 48000 -c:a libopus -b:a 24k "$out/Recording 20250730153012.webm"

# Phone recording (.m4a, AAC) from the data collection session.
speak "Grabamos doscientas muestras nuevas con voluntarios del norte. Necesitamos más variedad en los acentos para mejorar el reconocimiento." "$work/collection.wav"
ffmpeg -hide_banner -loglevel error -y -i "$work/collection.wav" -ac 1 -ar 16000 -c:a aac -b:a 32k "$out/Recording 20250730112005.m4a"

# Terminal screenshot with training logs; capture time only in EXIF (the name has none).
convert -size 1024x576 xc:'#1e1e1e' -font DejaVu-Sans-Mono -pointsize 20 -fill '#d4d4d4' \
  -annotate +24+40 '$ python train.py --model emotion_detection --epochs 100' \
  -fill '#6a9955' \
  -annotate +24+90 'epoch   1/100  loss: 0.234  accuracy: 85.3%' \
  -annotate +24+120 'epoch  50/100  loss: 0.089  accuracy: 88.1%' \
  -annotate +24+150 'epoch 100/100  loss: 0.043  accuracy: 89.4%' \
  -fill '#d4d4d4' \
  -annotate +24+210 'inference latency: 35 ms (was 50 ms)' \
  -annotate +24+240 'GPU memory: 7.2 GB   CPU usage: 85%' \
  -annotate +24+270 'training time: 4h 23m' \
  -fill '#569cd6' -annotate +24+330 'Training complete. Model saved to models/emotion_v2.onnx' \
  -quality 82 "$out/optimization_results.jpg"
exiftool -q -overwrite_original -DateTimeOriginal='2025:07:30 08:45:10' -CreateDate='2025:07:30 08:45:10' \
  -Make='Bitacora' -Model='Sample screenshot' "$out/optimization_results.jpg"

# Kubernetes dashboard screenshot taken a minute after the staging voice note: the two make one
# entry (one moment), as in seed 000's 15:30 entry. The time is in the screenshot tool's name.
convert -size 1024x576 xc:'#0f1b2d' -font DejaVu-Sans -pointsize 22 -fill '#ffffff' \
  -annotate +24+44 'Kubernetes Dashboard  -  namespace: staging' \
  -font DejaVu-Sans-Mono -pointsize 19 -fill '#9cdcfe' \
  -annotate +24+110 'whisper-api        2/2 replicas   Running' \
  -annotate +24+140 'emotion-detector   3/3 replicas   Running' \
  -annotate +24+170 'audio-processor    1/1 replicas   Running' \
  -fill '#d4d4d4' -annotate +24+230 'CPU usage: 45%   latency avg: 180 ms' \
  -fill '#6a9955' -annotate +24+290 'Deployment successful - All systems operational' \
  -annotate +24+320 'Health Check: PASSING' \
  -colors 16 "$out/Screenshot 2025-07-30 at 15.31.05.png"

# Whiteboard from the retrospective, named like a phone camera photo (time in the name).
convert -size 800x600 xc:'#f4f4f0' -font DejaVu-Sans -pointsize 22 \
  -fill '#7ccf7c' -draw 'rectangle 40,80 260,200' -fill '#f2d95c' -draw 'rectangle 290,80 510,200' \
  -fill '#f29ac0' -draw 'rectangle 540,80 760,200' \
  -fill '#222222' -annotate +60+60 'What went well' -annotate +300+60 "What didn't go well" -annotate +560+60 'Action items' \
  -pointsize 18 -annotate +55+130 'Sprint goals 95%' -annotate +305+130 'Few automated tests' \
  -annotate +555+130 'API documentation' -annotate +555+160 'Investor demo' \
  -quality 80 "$out/IMG_20250730_174500.jpg"

du -sh "$root/sample-vault"
