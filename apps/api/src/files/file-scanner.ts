/**
 * The virus-scan hook point: every upload is scanned before it is stored. The default scanner
 * refuses the EICAR test signature (so the hook is exercised); a ClamAV (clamd) scanner
 * implements the same call and is provided under FILE_SCANNER where one is available.
 */
export interface FileScanner {
  scan(content: Buffer, fileName: string): Promise<{ clean: true } | { clean: false; reason: string }>;
}

export const FILE_SCANNER = Symbol('FILE_SCANNER');

const EICAR = 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*';

export class SignatureScanner implements FileScanner {
  async scan(content: Buffer): Promise<{ clean: true } | { clean: false; reason: string }> {
    return content.includes(EICAR) ? { clean: false, reason: 'EICAR test signature' } : { clean: true };
  }
}
