import Ajv2020 from 'ajv/dist/2020';
import { errorResponseSchema } from '../../../lib/service/schemas';
import { suppressAllBut } from '../../service/support';

/** A number no test output may hold in full: the national part is distinctive enough to search for. */
export const PHONE = '+33612345678';
export const MASKED_PHONE = '+33*******78';

/** Passes the lint (every finding accepted in review, except length and encoding), with a strict `variables` schema. */
export const parcelTemplate = {
  locale: 'en',
  category: 'transactional',
  sender: 'La Poste',
  body: 'Hello {{ customer.firstName }}, parcel {{ code }} arrives on {{ day }}.',
  variables: {
    type: 'object',
    required: ['customer', 'code', 'day'],
    properties: {
      day: { enum: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'] },
      code: { type: 'string', pattern: '^[A-Z0-9]{6}$' },
      customer: { type: 'object', required: ['firstName'], properties: { firstName: { type: 'string', maxLength: 20 } } },
    },
  },
  suppress: suppressAllBut('sms-segments', 'sms-encoding'),
};
export const parcelVariables = { customer: { firstName: 'Zebulon' }, code: 'QX93KD', day: 'Friday' };
export const parcelText = 'Hello Zebulon, parcel QX93KD arrives on Friday.';

/** A template whose verdict fails: shouting and an order with no reason. */
export const failingTemplate = (body = 'URGENT!! Call 3970 NOW.') => ({ locale: 'en', category: 'transactional', body });

/** A passing template with no placeholders and its own text, so that a sent message says which version it came from. */
export const passingTemplate = (body: string) => ({ locale: 'en', category: 'transactional', body, suppress: suppressAllBut('sms-segments', 'sms-encoding') });

/** The documented error body `{ error: { code, message, details: [{ path, message }] } }`, each problem with exactly these two fields. */
export const isErrorBody = new Ajv2020({ strict: false }).compile(errorResponseSchema);
