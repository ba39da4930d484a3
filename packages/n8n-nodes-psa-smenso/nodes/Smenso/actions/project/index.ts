/** Project: the primary unit of smenso; tasks, time records and status reports belong to one. */
import { defineResource } from '../../../../../shared/operation';
import { fieldProperty, projectLocator, show, templateLocator } from '../common';
import { archive } from './archive.operation';
import { R, TITLE } from './common';
import { create } from './create.operation';
import { createFromTemplate } from './createFromTemplate.operation';
import { deleteProject } from './delete.operation';
import { get } from './get.operation';
import { getAll } from './getAll.operation';
import { unarchive } from './unarchive.operation';
import { update } from './update.operation';
import { updateMasterData } from './updateMasterData.operation';

export const project = defineResource({
	value: R,
	name: 'Project',
	defaultOperation: getAll.value,
	properties: [
		projectLocator(
			show(R, ['archive', 'delete', 'get', 'unarchive', 'update', 'updateMasterData']),
		),
		templateLocator(show(R, ['createFromTemplate', 'updateMasterData'])),
		fieldProperty(TITLE, show(R, ['create', 'createFromTemplate']), true),
	],
	operations: [
		archive,
		create,
		createFromTemplate,
		deleteProject,
		get,
		getAll,
		unarchive,
		update,
		updateMasterData,
	],
});
