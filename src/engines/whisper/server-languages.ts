/**
 * OpenAI and whisper.cpp's server name the detected language in English ("spanish"); speaches
 * and vLLM give the ISO-639-1 code. The log stores codes.
 */
const CODES: Record<string, string> = {
  english: "en", spanish: "es", catalan: "ca", galician: "gl", basque: "eu", portuguese: "pt",
  french: "fr", italian: "it", german: "de", dutch: "nl", polish: "pl", russian: "ru",
  ukrainian: "uk", swedish: "sv", norwegian: "no", danish: "da", finnish: "fi", czech: "cs",
  romanian: "ro", hungarian: "hu", greek: "el", turkish: "tr", arabic: "ar", hebrew: "he",
  hindi: "hi", chinese: "zh", japanese: "ja", korean: "ko", vietnamese: "vi", indonesian: "id",
  thai: "th", persian: "fa", malay: "ms", tagalog: "tl", croatian: "hr", serbian: "sr",
  slovak: "sk", slovenian: "sl", bulgarian: "bg", lithuanian: "lt", latvian: "lv", estonian: "et",
};

export function languageCode(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const name = value.trim().toLowerCase();
  if (/^[a-z]{2,3}$/.test(name)) return name;
  return CODES[name];
}
