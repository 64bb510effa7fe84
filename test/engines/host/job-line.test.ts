/** The engine host's queue: one job at a time, repeats join the job under way, cancels stop only what nobody waits for. */
import { JobLine } from "../../../src/engines/host/job-line";

/** Work the test finishes by hand; it records when it started and whether it was aborted. */
function gate() {
  const log: string[] = [];
  const finish = new Map<string, (value: string) => void>();
  const work = (name: string) => (signal: AbortSignal) =>
    new Promise<string>((resolve, reject) => {
      log.push(`start ${name}`);
      finish.set(name, resolve);
      signal.addEventListener("abort", () => (log.push(`abort ${name}`), reject(new Error("aborted"))));
    });
  const settle = () => new Promise((resolve) => setImmediate(resolve));
  return { log, finish, work, settle };
}

test("jobs run one at a time, in arrival order", async () => {
  const { log, finish, work, settle } = gate();
  const line = new JobLine<string>();
  const a = line.add("1", "a", work("a"));
  const b = line.add("2", "b", work("b"));
  await settle();
  expect(log).toEqual(["start a"]);
  finish.get("a")!("A");
  expect(await a).toBe("A");
  await settle();
  expect(log).toEqual(["start a", "start b"]);
  finish.get("b")!("B");
  expect(await b).toBe("B");
});

test("a repeat of a waiting or running job joins it: one run, both answered", async () => {
  const { log, finish, work, settle } = gate();
  const line = new JobLine<string>();
  const first = line.add("1", "same", work("x"));
  const repeat = line.add("2", "same", work("x again"));
  await settle();
  finish.get("x")!("X");
  expect(await Promise.all([first, repeat])).toEqual(["X", "X"]);
  expect(log).toEqual(["start x"]);
});

test("cancel: a waiting job is dropped at once; a running one is aborted and answers when it stops; a shared one keeps running", async () => {
  const { log, finish, work, settle } = gate();
  const line = new JobLine<string>();
  const running = line.add("1", "a", work("a"));
  const shared = line.add("2", "a", work("a"));
  const waiting = line.add("3", "b", work("b"));
  line.cancel("3");
  await expect(waiting).rejects.toMatchObject({ code: "cancelled" });
  line.cancel("2");
  await expect(shared).rejects.toMatchObject({ code: "cancelled" });
  expect(log).toEqual(["start a"]);
  line.cancel("1");
  await expect(running).rejects.toMatchObject({ code: "cancelled" });
  expect(log).toEqual(["start a", "abort a"]);
  const after = line.add("4", "c", work("c"));
  await settle();
  finish.get("c")!("C");
  expect(await after).toBe("C");
  await settle();
  expect(line.ids).toEqual([]);
});
