import { ServiceError } from './errors';
import type { Route, ServiceRequest } from './http';

/**
 * The Cognito groups of the people who use the service from the playground in AWS. Each
 * names the one kind of action its members may take, as IAM grants each action route to
 * its own role for machine clients (see README); reading and linting need no group.
 */
export const userGroups = ['writers', 'approvers', 'senders'] as const;
export type UserGroup = (typeof userGroups)[number];

/** What a group lets its members do, for the refusal's message. */
const groupActions: Record<UserGroup, string> = {
  writers: 'submit and relint versions',
  approvers: 'approve, retire and archive',
  senders: 'send',
};

/**
 * Refuses a signed-in person outside the route's group (403 `group_required`). A request
 * with no `groups` did not come through the user pool: IAM decided in AWS, and local mode
 * has no sign-in.
 */
export function checkGroup(route: Pick<Route, 'group'>, request: ServiceRequest): void {
  if (route.group === undefined || request.groups === undefined || request.groups.includes(route.group)) return;
  const member = request.groups.length === 0 ? 'in no group' : `in ${request.groups.join(', ')}`;
  throw new ServiceError(403, 'group_required', `only the ${route.group} group may ${groupActions[route.group]}: you are ${member}`, {
    extra: { group: route.group },
  });
}
