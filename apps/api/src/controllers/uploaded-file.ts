/** A file multer read into memory. */
export interface UploadedBytes {
  originalname: string;
  buffer: Buffer;
}

/** Multer hands over the file name's UTF-8 bytes as Latin-1 characters: the name as the user gave it. */
export function utf8Named<T extends UploadedBytes | undefined>(file: T): T {
  return file && { ...file, originalname: Buffer.from(file.originalname, 'latin1').toString('utf8') };
}
