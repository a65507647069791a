import { randomUUID } from 'node:crypto';
import { appendFile, readFile } from 'node:fs/promises';
import type { Category } from '../engine';
import type { OutgoingSms, SmsPublisher } from '../service/publisher';
import { maskPhoneNumber } from '../service/render';

/** One message the local mode "sent". The number is masked here too: no file holds a full number. */
export interface OutboxRecord {
  messageId: string;
  templateId: string;
  version: number;
  dispatchId: string;
  to: string;
  body: string;
  category: Category;
  senderId: string | null;
  publishedAt: string;
}

/** The local `SmsPublisher`: appends each message to a JSON-lines file instead of calling SNS. */
export class OutboxPublisher implements SmsPublisher {
  constructor(readonly file: string) {}

  async publish(sms: OutgoingSms): Promise<{ messageId: string }> {
    const record: OutboxRecord = {
      messageId: randomUUID(),
      ...sms.origin,
      to: maskPhoneNumber(sms.to),
      body: sms.body,
      category: sms.category,
      senderId: sms.senderId ?? null,
      publishedAt: new Date().toISOString(),
    };
    await appendFile(this.file, `${JSON.stringify(record)}\n`, { encoding: 'utf8', mode: 0o600 });
    return { messageId: record.messageId };
  }

  async records(): Promise<OutboxRecord[]> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    return text
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as OutboxRecord);
  }
}
