import type { ResourceDefinition } from '../../../../shared/operation';
import { approval } from './approval';
import { assignable } from './assignable';
import { assignment } from './assignment';
import { availability } from './availability';
import { billRate } from './billRate';
import { budgetItem } from './budgetItem';
import { budgetItemCategory } from './budgetItemCategory';
import { customField } from './customField';
import { customFieldValue } from './customFieldValue';
import { discipline } from './discipline';
import { expenseItem } from './expenseItem';
import { holiday } from './holiday';
import { leaveType } from './leaveType';
import { phase } from './phase';
import { placeholderResource } from './placeholderResource';
import { project } from './project';
import { report } from './report';
import { role } from './role';
import { statusOption } from './statusOption';
import { subtask } from './subtask';
import { tag } from './tag';
import { timeEntry } from './timeEntry';
import { user } from './user';
import { userStatus } from './userStatus';
import { webhook } from './webhook';

/**
 * Every resource of the node, each declared in the one operation shape (shared/operation.ts): a
 * thin resource is one file `actions/<resource>.ts`, a big one a folder `actions/<resource>/` with
 * one `<operation>.operation.ts` per operation. Output schemas:
 * `__schema__/v1.0.0/<resource>/<operation>.json`.
 */
export const RESOURCES: ResourceDefinition[] = [
	approval,
	assignable,
	assignment,
	availability,
	billRate,
	budgetItem,
	budgetItemCategory,
	customField,
	customFieldValue,
	discipline,
	expenseItem,
	holiday,
	leaveType,
	phase,
	placeholderResource,
	project,
	report,
	role,
	statusOption,
	subtask,
	tag,
	timeEntry,
	user,
	userStatus,
	webhook,
];
