/**
 * The smenso action node's resources, each declared once with its operations (fields, handler,
 * whether it only reads): the node's Resource and Operation dropdowns and its router are derived
 * from these. Output schemas: `../__schema__/v1.0.0/<resource>/<operation>.json`.
 */
import type { ResourceDefinition } from '../../../../shared/operation';
import { absence } from './absence';
import { absenceType } from './absenceType';
import { attachment } from './attachment';
import { comment } from './comment';
import { flavor } from './flavor';
import { folder } from './folder';
import { invitation } from './invitation';
import { member } from './member';
import { permission } from './permission';
import { project } from './project';
import { report } from './report';
import { statusReport } from './statusReport';
import { task } from './task';
import { ticket } from './ticket';
import { timeRecord } from './timeRecord';
import { timezone } from './timezone';
import { workingTime } from './workingTime';

export const RESOURCES: ResourceDefinition[] = [
	absence,
	absenceType,
	attachment,
	comment,
	flavor,
	folder,
	invitation,
	member,
	permission,
	project,
	report,
	statusReport,
	task,
	ticket,
	timeRecord,
	timezone,
	workingTime,
];
