/** Client-side checks of a chosen file, by content as the server checks (R-DOC-3, R-PRE-4). */

export const MAX_UPLOAD_BYTES = 2 * 1024 * 1024;

export type FileKind = 'png' | 'jpeg' | 'pdf' | 'other';

/** The file's type from its first bytes (magic numbers), not from its name. */
export async function sniff(file: Blob): Promise<FileKind> {
  const bytes = new Uint8Array(await file.slice(0, 8).arrayBuffer());
  const starts = (...expected: number[]) => expected.every((b, i) => bytes[i] === b);
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'png';
  if (starts(0xff, 0xd8, 0xff)) return 'jpeg';
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'pdf';
  return 'other';
}

export type FileRefusal = 'type' | 'size' | null;

/** Why a file is refused (type first, then size), or `null` when it is acceptable. */
export async function checkFile(file: Blob, accepted: readonly FileKind[]): Promise<FileRefusal> {
  if (!accepted.includes(await sniff(file))) return 'type';
  return file.size > MAX_UPLOAD_BYTES ? 'size' : null;
}
