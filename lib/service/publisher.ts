import { PublishCommand, type SNSClient } from '@aws-sdk/client-sns';
import type { Category } from '../engine';

/** One SMS ready to go: rendered, checked, addressed. */
export interface OutgoingSms {
  /** E.164 number. Never logged or stored unmasked. */
  to: string;
  body: string;
  category: Category;
  /** A valid alphanumeric sender ID, or none (the carrier's default sender is used). */
  senderId?: string;
  /** Which dispatch of which version this is: a delivery log or the outbox says what was sent from what. */
  origin: { templateId: string; version: number; dispatchId: string };
}

/** The sending port: SNS in AWS, a local outbox file in local mode. */
export interface SmsPublisher {
  publish(sms: OutgoingSms): Promise<{ messageId: string }>;
}

/** SNS's SMS types are the two template categories, capitalised. */
const SMS_TYPES: Record<Category, string> = { transactional: 'Transactional', promotional: 'Promotional' };

/**
 * The sender ID SNS accepts: 1 to 11 letters and digits with at least one letter. A
 * template's `sender` is a brand name ("La Poste"): its letters and digits are kept, cut
 * to 11; a sender with no letter gives no sender ID.
 */
export function senderIdFor(sender: string | undefined): string | undefined {
  if (sender === undefined) return undefined;
  const id = sender.replace(/[^A-Za-z0-9]/g, '').slice(0, 11);
  return /[A-Za-z]/.test(id) ? id : undefined;
}

export class SnsSmsPublisher implements SmsPublisher {
  constructor(private readonly sns: SNSClient) {}

  async publish(sms: OutgoingSms): Promise<{ messageId: string }> {
    const result = await this.sns.send(new PublishCommand(publishInput(sms)));
    if (!result.MessageId) throw new Error('SNS answered without a MessageId');
    return { messageId: result.MessageId };
  }
}

export function publishInput({ to, body, category, senderId, origin }: OutgoingSms) {
  return {
    PhoneNumber: to,
    Message: body,
    MessageAttributes: {
      'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: SMS_TYPES[category] },
      ...(senderId === undefined ? {} : { 'AWS.SNS.SMS.SenderID': { DataType: 'String', StringValue: senderId } }),
      'smslint.templateId': { DataType: 'String', StringValue: origin.templateId },
      'smslint.version': { DataType: 'Number', StringValue: String(origin.version) },
      'smslint.dispatchId': { DataType: 'String', StringValue: origin.dispatchId },
    },
  };
}
