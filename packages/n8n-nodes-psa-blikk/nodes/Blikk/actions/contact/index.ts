import { show } from '../../../../../shared/kit';
import { defineResource } from '../../../../../shared/operation';
import { locator } from '../common';
import { create } from './create.operation';
import { deleteContact } from './delete.operation';
import { CONTACT } from './fields';
import { get } from './get.operation';
import { getAll } from './getAll.operation';
import { update } from './update.operation';

/** Customers, suppliers and other contacts (persons and companies). */
export const contact = defineResource({
	value: CONTACT,
	name: 'Contact',
	defaultOperation: getAll.value,
	properties: [
		locator('contactId', 'Contact', 'searchContacts', show(CONTACT, ['delete', 'get', 'update'])),
	],
	operations: [create, update, getAll, get, deleteContact],
});
