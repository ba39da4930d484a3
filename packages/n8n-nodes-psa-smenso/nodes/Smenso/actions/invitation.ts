/**
 * Invitation: invite members and guests to the workspace (N-new, U33; answered at once, no ticket).
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { defineOperation, defineResource } from '../../../../shared/operation';
import { invalidInput } from '../../../../shared/validation';
import { required, send, show, type Ctx } from './common';

const R = 'invitation';

async function invite(ctx: Ctx, i: number, kind: 'members' | 'guests'): Promise<IDataObject[]> {
	const email = required(ctx, i, 'email', 'E-Mail');
	if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email))
		throw invalidInput(ctx.getNode(), i, 'E-Mail', `must be an e-mail address, got "${email}"`);
	const role = ctx.getNodeParameter(kind === 'members' ? 'memberRole' : 'guestRole', i) as string;
	const locale = ctx.getNodeParameter('locale', i, 'de') as string;
	const answer = await send<IDataObject>(ctx, i, {
		method: 'POST',
		path: `integration/workspace/invite/${kind}/json`,
		body: { invites: [{ email, role, locale }] },
	});
	const list = answer && Array.isArray(answer.invites) ? (answer.invites as IDataObject[]) : [];
	return list.length ? list : [{ email, role, locale, status: 'invited' }];
}

const LOCALE = (operation: string) => ({
	displayName: 'Invitation Language',
	name: 'locale',
	type: 'options' as const,
	options: [
		{ name: 'English', value: 'en' },
		{ name: 'German', value: 'de' },
	],
	default: 'de',
	displayOptions: show(R, [operation]),
});

const inviteGuest = defineOperation({
	value: 'inviteGuest',
	name: 'Invite Guest',
	action: 'Invite a guest to the workspace',
	readOnly: false,
	properties: [
		{
			displayName: 'Role',
			name: 'guestRole',
			type: 'options',
			options: [
				{ name: 'Guest', value: 'guest' },
				{ name: 'Read-Only Guest', value: 'read-only-guest' },
				{ name: 'Restricted Guest', value: 'restricted-guest' },
			],
			default: 'guest',
			displayOptions: show(R, ['inviteGuest']),
		},
		LOCALE('inviteGuest'),
	],
	async handler(this: IExecuteFunctions, i: number) {
		return await invite(this, i, 'guests');
	},
});

const inviteMember = defineOperation({
	value: 'inviteMember',
	name: 'Invite Member',
	action: 'Invite a member to the workspace',
	readOnly: false,
	properties: [
		{
			displayName: 'Role',
			name: 'memberRole',
			type: 'options',
			options: [
				{ name: 'Admin', value: 'admin' },
				{ name: 'Member', value: 'member' },
				{ name: 'Read-Only Member', value: 'read-only-member' },
				{ name: 'Restricted Member', value: 'restricted-member' },
			],
			default: 'member',
			displayOptions: show(R, ['inviteMember']),
		},
		LOCALE('inviteMember'),
	],
	async handler(this: IExecuteFunctions, i: number) {
		return await invite(this, i, 'members');
	},
});

export const invitation = defineResource({
	value: R,
	name: 'Invitation',
	description: 'Invite members and guests to the workspace',
	defaultOperation: 'inviteMember',
	properties: [
		{
			displayName: 'E-Mail',
			name: 'email',
			type: 'string',
			placeholder: 'name@email.com',
			required: true,
			default: '',
			displayOptions: show(R, ['inviteGuest', 'inviteMember']),
		},
	],
	operations: [inviteGuest, inviteMember],
});
