/** Every line of `before` is still in `after`, in the same order (other lines may come between). */
export function keepsInOrder(before: string, after: string): boolean {
  let at = 0;
  for (const line of before.split("\n")) {
    const found = after.indexOf(line, at);
    if (found < 0) return false;
    at = found + line.length;
  }
  return true;
}
