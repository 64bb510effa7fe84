/** @gutenye/ocr-node ships types only through its ESM "exports" map, which node10 resolution ignores. */
declare module "@gutenye/ocr-node" {
  const Ocr: unknown;
  export default Ocr;
}
