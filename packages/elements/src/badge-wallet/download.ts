/** Offering a file to save: the wallet export and one credential's JSON or baked image. */

/** Offers `text` as a file download. */
export function download(text: string | Uint8Array, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text as BlobPart], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
