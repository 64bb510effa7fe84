import { type FileHandle, link, open, readFile, rename, stat, unlink } from "node:fs/promises";
import path from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { tempPathFor } from "./side-files";

/** The note cannot be changed (read-only, immutable, or a folder the user may not write). */
export class NoteNotWritableError extends Error {
  /** The queue fails the job at once (no retry) and tells the user. */
  readonly code = "note-not-writable";
}

const MAX_ROUNDS = 50;
/**
 * A program that opened the note just before our rename may write a moment later (when the
 * machine is busy, it can be descheduled between its open and its write): look at the old file
 * after this pause, so those bytes are carried over too.
 */
const LATE_WRITER_GRACE_MS = 20;

/** What a write saw in the note: its bytes and which file (inode) held them. */
interface Seen {
  handle: FileHandle;
  bytes: Buffer;
  ino: bigint;
  mtimeNs: bigint;
  mode: number;
}

async function look(target: string): Promise<Seen | null> {
  let handle: FileHandle;
  try {
    handle = await open(target, "r");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  try {
    const before = await handle.stat({ bigint: true });
    if (!before.isFile()) throw new Error(`${target} is not a file.`);
    const bytes = await handle.readFile();
    const after = await handle.stat({ bigint: true });
    return { handle, bytes, ino: after.ino, mtimeNs: after.mtimeNs, mode: Number(after.mode) & 0o7777 };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/** True when the path still holds exactly what `seen` read (same file, same bytes), or is still missing. */
async function unchanged(target: string, seen: Seen | null): Promise<boolean> {
  try {
    const now = await stat(target, { bigint: true });
    if (!seen || now.ino !== seen.ino || now.size !== BigInt(seen.bytes.length)) return false;
    return (await readFile(target)).equals(seen.bytes);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return seen === null;
    throw error;
  }
}

async function writeDurably(file: string, text: string, mode: number | undefined): Promise<void> {
  const handle = await open(file, "wx", mode ?? 0o666);
  try {
    await handle.writeFile(text, "utf8");
    // The process umask narrowed the mode on creation; the note keeps exactly the mode it had.
    if (mode !== undefined) await handle.chmod(mode);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, "r");
  try {
    await handle.sync();
  } catch {
    // Some file systems cannot fsync a folder; the rename is still atomic there.
  } finally {
    await handle.close();
  }
}

/**
 * Bytes another program wrote into the note's old file after we read it (an editor or sync
 * client appending by path can land on the old inode just before our rename replaces it).
 */
async function lateBytes(seen: Seen): Promise<Buffer | null> {
  await delay(LATE_WRITER_GRACE_MS);
  const now = await seen.handle.stat({ bigint: true });
  if (now.size === BigInt(seen.bytes.length) && now.mtimeNs === seen.mtimeNs) return null;
  const { buffer } = await seen.handle.read({ buffer: Buffer.alloc(Number(now.size)), position: 0 });
  return buffer;
}

/** A refusal from the system as a clear error for the job; other errors pass unchanged. */
export function notWritable(target: string, error: unknown): Error {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "EPERM" || code === "EACCES" || code === "EROFS") {
    return new NoteNotWritableError(`Could not write ${target}: the system refused (${code}); the note is read-only or protected.`);
  }
  return error as Error;
}

/**
 * One compare-and-swap round: returns the text written, or null when the note changed between
 * our read and our rename (the caller reads again and re-applies its edit). Written into a temp
 * file that is fsynced with its folder, so a crash leaves the old note or the new one, never half.
 */
async function swapOnce(target: string, edit: (text: string) => string, initial: string): Promise<{ text: string; late: Buffer | null; seen: string } | null> {
  const seen = await look(target);
  try {
    const current = seen ? seen.bytes.toString("utf8") : initial;
    const updated = edit(current);
    if (seen && updated === current) return { text: current, late: null, seen: current };
    if (seen && (seen.mode & 0o200) === 0) {
      throw new NoteNotWritableError(`${target} is read-only; Bitácora leaves it as it is. Make it writable to let Bitácora update it.`);
    }
    const temp = tempPathFor(target);
    await unlink(temp).catch(() => undefined);
    try {
      await writeDurably(temp, updated, seen?.mode);
      if (!(await unchanged(target, seen))) return null;
      if (seen) await rename(temp, target);
      else {
        // A new note: link() fails if someone created the note meanwhile, so nothing is replaced.
        try {
          await link(temp, target);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === "EEXIST") return null;
          throw error;
        }
      }
    } catch (error) {
      throw notWritable(target, error);
    } finally {
      await unlink(temp).catch(() => undefined);
    }
    await syncFolder(path.dirname(target));
    return { text: updated, late: seen ? await lateBytes(seen) : null, seen: current };
  } finally {
    await seen?.handle.close();
  }
}

/**
 * Applies `edit` to the note at `target` (created with `initial` when missing) without losing
 * anything another program writes at the same time: the edit is re-applied to the new text when
 * the note changed under it, and bytes that landed on the replaced file are carried over.
 * The caller holds the note's lock file against other Bitácora processes.
 */
export async function compareAndSwapText(target: string, edit: (text: string) => string, initial: string): Promise<string> {
  let apply = edit;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const outcome = await swapOnce(target, apply, initial);
    if (!outcome) continue;
    if (!outcome.late) return outcome.text;
    const lateText = outcome.late.toString("utf8");
    const written = outcome.text;
    if (lateText.startsWith(outcome.seen)) {
      // Appended to the old file: it goes right after what we wrote, before anything appended since.
      const suffix = lateText.slice(outcome.seen.length);
      apply = (text) => (text.startsWith(written) ? written + suffix + text.slice(written.length) : text + suffix);
    } else {
      // Rewritten in place: redo our edit on that text, if nobody touched the new note since.
      apply = (text) => (text === written ? edit(lateText) : text);
    }
  }
  throw new Error(`${target} kept changing while Bitácora wrote it; it will try again on the next run.`);
}
