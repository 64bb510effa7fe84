/**
 * The official ggml Whisper models, as published by whisper.cpp on Hugging Face
 * (https://huggingface.co/ggerganov/whisper.cpp, file ggml-<name>.bin).
 *
 * Where the checksums come from (checked while writing this file, no model was downloaded):
 * - sha1: the "Available models" table of the official model card / whisper.cpp
 *   models/README.md. It covers every model here, quantized ones included.
 * - sha256 + sizeBytes, full-precision models: Hugging Face LFS metadata as pinned by public
 *   manifests at revision 5359861c739e955e79d9a303bcbc70fb988958b1 (2026-06); for tiny,
 *   tiny.en, base, base.en, small, small.en, medium, large-v3 and large-v3-turbo a second,
 *   independent pin (Nix fetchurl SRI hashes of the same URLs) gives the same SHA-256.
 * - sha256 + sizeBytes, all 21 quantized models: a verbatim capture of the Hugging Face model
 *   API (each file's blobId and LFS sha256/size) at the same revision 5359861c, taken 2026-09.
 *   Every pair here was checked against that capture: the git SHA-1 of the LFS pointer text
 *   rebuilt from the sha256 and size equals the published blobId, so no digit is mistyped.
 *   Independent public pins agree: HF-tree registries and app catalogs at that revision; the
 *   same values pinned for some files at other revisions (d1539380, 0b364b56, c521a4b0,
 *   bf8b606c); downloaded-and-hashed records for tiny-q5_1, tiny-q8_0 and base-q8_0; the
 *   X-Linked-ETag of a pinned URL for large-v3-turbo-q8_0; Nix fetchurl hashes for
 *   large-v3-turbo-q5_0. One public pin of tiny-q5_1 differs in one digit ("...bba97..." for
 *   "...bda97..."); it fails the blobId check, a typo. The byte sizes also match the exact
 *   sizes other catalogs publish beside the official SHA-1. No public source hashes the same
 *   download with both algorithms, so the SHA-256 is not tied to the SHA-1 byte for byte; the
 *   downloader checks the SHA-256 and the size.
 */
export interface WhisperModelInfo {
  /** Name in whisper.cpp's download script, e.g. "base", "small.en", "large-v3-turbo-q5_0". */
  name: string;
  /** Approximate size for the UI. */
  sizeMiB: number;
  /** Exact size in bytes, when known; the download is rejected when it differs. */
  sizeBytes?: number;
  sha256?: string;
  sha1: string;
  englishOnly: boolean;
  quantization?: "q5_0" | "q5_1" | "q8_0";
}

const HF_BASE = "https://huggingface.co/ggerganov/whisper.cpp/resolve/main";

export function modelFileName(name: string): string {
  return `ggml-${name}.bin`;
}

export function officialModelUrl(name: string): string {
  return `${HF_BASE}/${modelFileName(name)}`;
}

type Row = [name: string, sizeMiB: number, sha1: string, sizeBytes?: number, sha256?: string];

const ROWS: Row[] = [
  ["tiny", 75, "bd577a113a864445d4c299885e0cb97d4ba92b5f", 77691713, "be07e048e1e599ad46341c8d2a135645097a538221678b7acdd1b1919c6e1b21"],
  ["tiny-q5_1", 31, "2827a03e495b1ed3048ef28a6a4620537db4ee51", 32152673, "818710568da3ca15689e31a743197b520007872ff9576237bda97bd1b469c3d7"],
  ["tiny-q8_0", 42, "19e8118f6652a650569f5a949d962154e01571d9", 43537433, "c2085835d3f50733e2ff6e4b41ae8a2b8d8110461e18821b09a15c40c42d1cca"],
  ["tiny.en", 75, "c78c86eb1a8faa21b369bcd33207cc90d64ae9df", 77704715, "921e4cf8686fdd993dcd081a5da5b6c365bfde1162e72b08d75ac75289920b1f"],
  ["tiny.en-q5_1", 31, "3fb92ec865cbbc769f08137f22470d6b66e071b6", 32166155, "c77c5766f1cef09b6b7d47f21b546cbddd4157886b3b5d6d4f709e91e66c7c2b"],
  ["tiny.en-q8_0", 42, "802d6668e7d411123e672abe4cb6c18f12306abb", 43550795, "5bc2b3860aa151a4c6e7bb095e1fcce7cf12c7b020ca08dcec0c6d018bb7dd94"],
  ["base", 142, "465707469ff3a37a2b9b8d8f89f2f99de7299dac", 147951465, "60ed5bc3dd14eea856493d334349b405782ddcaf0028d4b5df4088345fba2efe"],
  ["base-q5_1", 57, "a3733eda680ef76256db5fc5dd9de8629e62c5e7", 59707625, "422f1ae452ade6f30a004d7e5c6a43195e4433bc370bf23fac9cc591f01a8898"],
  ["base-q8_0", 78, "7bb89bb49ed6955013b166f1b6a6c04584a20fbe", 81768585, "c577b9a86e7e048a0b7eada054f4dd79a56bbfa911fbdacf900ac5b567cbb7d9"],
  ["base.en", 142, "137c40403d78fd54d454da0f9bd998f78703390c", 147964211, "a03779c86df3323075f5e796cb2ce5029f00ec8869eee3fdfb897afe36c6d002"],
  ["base.en-q5_1", 57, "d26d7ce5a1b6e57bea5d0431b9c20ae49423c94a", 59721011, "4baf70dd0d7c4247ba2b81fafd9c01005ac77c2f9ef064e00dcf195d0e2fdd2f"],
  ["base.en-q8_0", 78, "bb1574182e9b924452bf0cd1510ac034d323e948", 81781811, "a4d4a0768075e13cfd7e19df3ae2dbc4a68d37d36a7dad45e8410c9a34f8c87e"],
  ["small", 466, "55356645c2b361a969dfd0ef2c5a50d530afd8d5", 487601967, "1be3a9b2063867b937e64e2ec7483364a79917e157fa98c5d94b5c1fffea987b"],
  ["small-q5_1", 181, "6fe57ddcfdd1c6b07cdcc73aaf620810ce5fc771", 190085487, "ae85e4a935d7a567bd102fe55afc16bb595bdb618e11b2fc7591bc08120411bb"],
  ["small-q8_0", 252, "bcad8a2083f4e53d648d586b7dbc0cd673d8afad", 264464607, "49c8fb02b65e6049d5fa6c04f81f53b867b5ec9540406812c643f177317f779f"],
  ["small.en", 466, "db8a495a91d927739e50b3fc1cc4c6b8f6c2d022", 487614201, "c6138d6d58ecc8322097e0f987c32f1be8bb0a18532a3f88f734d1bbf9c41e5d"],
  ["small.en-q5_1", 181, "20f54878d608f94e4a8ee3ae56016571d47cba34", 190098681, "bfdff4894dcb76bbf647d56263ea2a96645423f1669176f4844a1bf8e478ad30"],
  ["small.en-q8_0", 252, "9d75ff4ccfa0a8217870d7405cf8cef0a5579852", 264477561, "67a179f608ea6114bd3fdb9060e762b588a3fb3bd00c4387971be4d177958067"],
  ["medium", 1536, "fd9727b6e1217c2f614f9b698455c4ffd82463b4", 1533763059, "6c14d5adee5f86394037b4e4e8b59f1673b6cee10e3cf0b11bbdbee79c156208"],
  ["medium-q5_0", 514, "7718d4c1ec62ca96998f058114db98236937490e", 539212467, "19fea4b380c3a618ec4723c3eef2eb785ffba0d0538cf43f8f235e7b3b34220f"],
  ["medium-q8_0", 785, "e66645948aff4bebbec71b3485c576f3d63af5d6", 823369779, "42a1ffcbe4167d224232443396968db4d02d4e8e87e213d3ee2e03095dea6502"],
  ["medium.en", 1536, "8c30f0e44ce9560643ebd10bbe50cd20eafd3723", 1533774781, "cc37e93478338ec7700281a7ac30a10128929eb8f427dda2e865faa8f6da4356"],
  ["medium.en-q5_0", 514, "bb3b5281bddd61605d6fc76bc5b92d8f20284c3b", 539225533, "76733e26ad8fe1c7a5bf7531a9d41917b2adc0f20f2e4f5531688a8c6cd88eb0"],
  ["medium.en-q8_0", 785, "b1cf48c12c807e14881f634fb7b6c6ca867f6b38", 823382461, "43fa2cd084de5a04399a896a9a7a786064e221365c01700cea4666005218f11c"],
  ["large-v1", 2970, "b1caaf735c4cc1429223d5a74f0f4d0b9b59a299", 3094623691, "7d99f41a10525d0206bddadd86760181fa920438b6b33237e3118ff6c83bb53d"],
  ["large-v2", 2970, "0f4c8e34f21cf1a914c59d8b3ce882345ad349d6", 3094623691, "9a423fe4d40c82774b6af34115b8b935f34152246eb19e80e376071d3f999487"],
  ["large-v2-q5_0", 1126, "00e39f2196344e901b3a2bd5814807a769bd1630", 1080732091, "3a214837221e4530dbc1fe8d734f302af393eb30bd0ed046042ebf4baf70f6f2"],
  ["large-v2-q8_0", 1536, "da97d6ca8f8ffbeeb5fd147f79010eeea194ba38", 1656129691, "fef54e6d898246a65c8285bfa83bd1807e27fadf54d5d4e81754c47634737e8c"],
  ["large-v3", 2970, "ad82bf6a9043ceed055076d0fd39f5f186ff8062", 3095033483, "64d182b440b98d5203c4f9bd541544d84c605196c4f7b845dfa11fb23594d1e2"],
  ["large-v3-q5_0", 1126, "e6e2ed78495d403bef4b7cff42ef4aaadcfea8de", 1081140203, "d75795ecff3f83b5faa89d1900604ad8c780abd5739fae406de19f23ecd98ad1"],
  ["large-v3-turbo", 1536, "4af2b29d7ec73d781377bfd1758ca957a807e941", 1624555275, "1fc70f774d38eb169993ac391eea357ef47c88757ef72ee5943879b7e8e2bc69"],
  ["large-v3-turbo-q5_0", 547, "e050f7970618a659205450ad97eb95a18d69c9ee", 574041195, "394221709cd5ad1f40c46e6031ca61bce88931e6e088c188294c6d5a55ffa7e2"],
  ["large-v3-turbo-q8_0", 834, "01bf15bedffe9f39d65c1b6ff9b687ea91f59e0e", 874188075, "317eb69c11673c9de1e1f0d459b253999804ec71ac4c23c17ecf5fbe24e259a1"],
];

export const WHISPER_MODELS: readonly WhisperModelInfo[] = ROWS.map(([name, sizeMiB, sha1, sizeBytes, sha256]) => ({
  name,
  sizeMiB,
  sha1,
  sizeBytes,
  sha256,
  englishOnly: name.includes(".en"),
  quantization: (/-(q5_0|q5_1|q8_0)$/.exec(name)?.[1] as WhisperModelInfo["quantization"]) ?? undefined,
}));

/** A sensible first download: multilingual (Spanish and English), small, fast on a laptop CPU. */
export const RECOMMENDED_MODEL = "base";

export function findWhisperModel(name: string): WhisperModelInfo | undefined {
  return WHISPER_MODELS.find((model) => model.name === name);
}
