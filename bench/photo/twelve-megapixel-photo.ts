import { spawnSync } from "node:child_process";
import path from "node:path";
import sharp from "sharp";

/** The terminal fixture photographed at 12 MP: enlarged on a dark desk, a little noise, EXIF. */
export async function makeTwelveMegapixelPhoto(root: string, work: string): Promise<string> {
  const screen = await sharp(path.join(root, "test/fixtures/images/terminal_training.png")).resize({ width: 3400 }).toBuffer();
  const file = path.join(work, "IMG_20250730_084512.jpg");
  await sharp({ create: { width: 4000, height: 3000, channels: 3, background: "#26272b", noise: { type: "gaussian", mean: 40, sigma: 12 } } })
    .composite([{ input: screen, left: 300, top: 900 }])
    .jpeg({ quality: 90 })
    .toFile(file);
  const exif = spawnSync("exiftool", ["-overwrite_original", "-DateTimeOriginal=2025:07:30 08:45:12", "-Make=Google", "-Model=Pixel 7", file]);
  if (exif.status !== 0) throw new Error(`exiftool failed: ${exif.stderr}`);
  return file;
}
