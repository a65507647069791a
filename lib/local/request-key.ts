import { createHmac, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import type { RequestMac } from '../service/request-mac';

const KEY_BYTES = 32;

/**
 * The local stand-in for the KMS HMAC key: 32 random bytes in a file only its owner can
 * read (0600), created on first start next to the database that never holds it.
 */
export class HmacRequestMac implements RequestMac {
  constructor(private readonly key: Buffer) {}

  /** The key of `file`, made first if the file does not exist. */
  static fromFile(file: string): HmacRequestMac {
    try {
      writeFileSync(file, randomBytes(KEY_BYTES), { flag: 'wx', mode: 0o600 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const key = readFileSync(file);
    if (key.length !== KEY_BYTES) throw new Error(`the idempotency key file ${file} does not hold ${KEY_BYTES} bytes; delete it to make a new one`);
    return new HmacRequestMac(key);
  }

  async mac(message: string): Promise<string> {
    return createHmac('sha256', this.key).update(message, 'utf8').digest('hex');
  }
}
