'use strict';
/** Deterministic seed data for the Blikk sandbox (shapes follow blikk-api.txt). */
const { seededRandom } = require('../lib/server');

const pad = (n) => String(n).padStart(2, '0');

/** Blikk's datetime format: `yyyy-MM-dd HH:mm:ss +00:00`. */
function stamp(date) {
	const d = date instanceof Date ? date : new Date(date);
	return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +00:00`;
}

function dateOnly(date) {
	return stamp(date).slice(0, 10);
}

const nameId = (id, name) => (id == null ? null : { objectName: 'generic.name_id', id, name });

const FIRST = ['Anna', 'Erik', 'Lotta', 'Johan', 'Maria', 'Nils', 'Sara', 'Oskar'];
const LAST = ['Larsson', 'Lindberg', 'Nilsson', 'Berg', 'Holm', 'Ström', 'Ek', 'Sundqvist'];
const COMPANIES = [
	'Byggbolaget',
	'Norrbygg',
	'Piteå El',
	'Luleå VVS',
	'Kustmålarna',
	'Takexperten',
	'Fasadgruppen',
	'Markservice',
];
const CITIES = ['Piteå', 'Luleå', 'Umeå', 'Skellefteå', 'Boden'];
const TASK_TITLES = [
	'Mät upp kök',
	'Beställ material',
	'Riv gammalt golv',
	'Dra el',
	'Montera skåp',
	'Slutbesiktning',
	'Måla tak',
	'Byt fönster',
];

const BASE = Date.parse('2026-01-05T07:00:00Z');

/** Builds the full initial state. `sizes` may override counts. */
function seed(sizes = {}) {
	const random = seededRandom(sizes.randomSeed || 2022);
	const pick = (list) => list[Math.floor(random() * list.length)];
	const at = (minutes) => stamp(BASE + minutes * 60_000);
	const admin = { id: 1, name: 'Anna Larsson' };
	const createdBy = nameId(admin.id, admin.name);

	const activities = [
		{ id: 1, name: 'Projektledning', preferredTimeCode: 1, preferredTimeArticle: 1 },
		{ id: 2, name: 'Snickeri', preferredTimeCode: 1, preferredTimeArticle: 2 },
		{ id: 3, name: 'Elarbete', preferredTimeCode: 1, preferredTimeArticle: 3 },
		{ id: 4, name: 'Målning', preferredTimeCode: 1, preferredTimeArticle: 2 },
		{ id: 5, name: 'Resa', preferredTimeCode: 2, preferredTimeArticle: 4 },
		{ id: 6, name: 'Administration', preferredTimeCode: null, preferredTimeArticle: null },
		{ id: 7, name: 'Utbildning', preferredTimeCode: 1, preferredTimeArticle: 5 },
		{
			id: 8,
			name: 'Gammal aktivitet',
			preferredTimeCode: null,
			preferredTimeArticle: null,
			isActive: false,
		},
	];
	const timeCodes = [
		{ id: 1, name: 'Normal', isStandard: true },
		{ id: 2, name: 'Övertid 50%', isStandard: false },
		{ id: 3, name: 'Övertid 100%', isStandard: false },
		{ id: 4, name: 'OB kväll', isStandard: false },
	];
	const timeArticles = [
		{ id: 1, name: 'Konsulttimme' },
		{ id: 2, name: 'Arbetstimme' },
		{ id: 3, name: 'Elektrikertimme' },
		{ id: 4, name: 'Restid' },
		{ id: 5, name: 'Intern tid' },
	];
	const registers = {
		activities: activities.map((a, i) => ({
			objectName: 'activity.list',
			id: a.id,
			name: a.name,
			isActive: a.isActive !== false,
			preferredTimeCode: a.preferredTimeCode
				? nameId(a.preferredTimeCode, timeCodes[a.preferredTimeCode - 1].name)
				: null,
			preferredTimeArticle: a.preferredTimeArticle
				? nameId(a.preferredTimeArticle, timeArticles[a.preferredTimeArticle - 1].name)
				: null,
			createdBy,
			updatedBy: null,
			created: at(-50000 + i),
			updated: null,
		})),
		timeCodes: timeCodes.map((t, i) => ({
			objectName: 'timecode.list',
			id: t.id,
			name: t.name,
			description: `${t.name} (tidkod)`,
			isActive: true,
			isStandard: t.isStandard,
			createdBy,
			updatedBy: null,
			created: at(-50000 + i),
			updated: null,
		})),
		timeArticles: timeArticles.map((t, i) => ({
			objectName: 'timearticle.list',
			id: t.id,
			name: t.name,
			description: `${t.name} (tidsartikel)`,
			isActive: true,
			createdBy,
			updatedBy: null,
			created: at(-50000 + i),
			updated: null,
		})),
		absenceProjects: ['Semester', 'Sjukdom', 'VAB', 'Tjänstledighet'].map((name, i) => ({
			objectName: 'absenceproject.list',
			id: i + 1,
			name,
			commentRequiredWhenTimeReporting: i === 3,
			salaryCodeForMonthlySalary: `04${i}`,
			salaryCodeForHourlySalary: `05${i}`,
			refersToSickness: name === 'Sjukdom',
			isActive: true,
			createdBy,
			updatedBy: null,
			created: at(-49000 + i),
			updated: null,
		})),
		internalProjects: ['Intern utbildning', 'Verkstad', 'Sälj'].map((name, i) => ({
			objectName: 'internalproject.list',
			id: i + 1,
			name,
			commentRequiredWhenTimeReporting: false,
			isActive: true,
			createdBy,
			updatedBy: null,
			created: at(-49000 + i),
			updated: null,
		})),
		allowances: ['Heldagstraktamente', 'Halvdagstraktamente'].map((name, i) => ({
			objectName: 'allowance.list',
			id: i + 1,
			name,
			description: `${name} enligt Skatteverket`,
			isActive: true,
			createdBy,
			updatedBy: null,
			created: at(-48000 + i),
			updated: null,
		})),
		articles: Array.from({ length: 30 }, (_, i) => ({
			objectName: 'article.list',
			id: i + 1,
			articleNumber: `A${String(i + 1).padStart(3, '0')}`,
			name: `${pick(['Skruv', 'Spik', 'Kabel', 'Gips', 'Färg', 'Lim'])} ${i + 1}`,
			price: 10 + i * 5,
			cost: 6 + i * 3,
			unit: nameId(1, 'st'),
			description: `Artikel ${i + 1}`,
			isActive: true,
			createdBy,
			updatedBy: null,
			created: at(-47000 + i),
			updated: null,
		})),
		companyCars: [
			{
				name: 'Servicebil 1',
				makeAndModel: 'VW Transporter',
				registrationNumber: 'ABC123',
				type: 'CompanyCar',
			},
			{
				name: 'Tjänstebil',
				makeAndModel: 'Volvo V60',
				registrationNumber: 'XYZ987',
				type: 'OfficalCar',
			},
		].map((c, i) => ({
			objectName: 'companycar.list',
			id: i + 1,
			isActive: true,
			...c,
			createdBy,
			updatedBy: null,
			created: at(-46000 + i),
			updated: null,
		})),
		contactTags: [
			['Bra kund', '#41b18b'],
			['Privatperson', '#f2d600'],
			['Företag', '#0079bf'],
			['BRF', '#eb5a46'],
			['Leverantör', '#c377e0'],
		].map(([title, color], i) => ({ objectName: 'generic.tag', id: i + 1, title, color })),
		countries: ['Sverige', 'Norge', 'Finland', 'Danmark', 'Island'].map((name, i) => ({
			objectName: 'country.list',
			id: i + 1,
			name,
		})),
		equipments: ['Saxlift', 'Borrhammare', 'Släpvagn'].map((name, i) => ({
			objectName: 'equipment.list',
			id: i + 1,
			name,
			description: `${name} att hyra`,
			isActive: true,
			type: nameId(1, 'Maskin'),
			createdBy,
			updatedBy: null,
			created: at(-45000 + i),
			updated: null,
		})),
		timeAdditions: [
			['Kvällstillägg', 'boolean'],
			['Smutstillägg', 'number'],
		].map(([name, type], i) => ({
			objectName: 'timeaddition.list',
			id: i + 1,
			name,
			description: `${name} per timme`,
			type,
			isActive: true,
			createdBy,
			updatedBy: null,
			created: at(-44000 + i),
			updated: null,
		})),
	};

	const users = Array.from({ length: 8 }, (_, i) => {
		const id = i + 1;
		const activity = activities[i % 4];
		const article = timeArticles[activity.preferredTimeArticle - 1];
		return {
			objectName: 'user.detail',
			id,
			firstName: FIRST[i],
			lastName: LAST[i],
			license: i === 0 ? 'Total' : 'Standard',
			email: `${FIRST[i].toLowerCase()}.${LAST[i].toLowerCase().replace('ö', 'o')}@example.se`,
			socialSecurityNumber: null,
			mobilePhoneNumber: `+4670${String(1000000 + id * 1111).slice(0, 7)}`,
			workPhoneNumber: null,
			note: null,
			startDate: '2021-12-01',
			endDate: null,
			department: nameId(i < 4 ? 1 : 2, i < 4 ? 'Bygg' : 'El'),
			costCenter: null,
			salaryType: 'Monthly',
			costPerHour: 450,
			employeeNumber: String(10 + id),
			settlementAccount: null,
			address: null,
			nextOfKin: null,
			nextOfKinRelation: null,
			nextOfKinPhoneNumber: null,
			manager: createdBy,
			schedule: nameId(1, 'Heltid'),
			// User 8 has no standard activity/article: the node must then ask for them.
			standardTimeArticle: id === 8 ? null : nameId(article.id, article.name),
			standardActivity: id === 8 ? null : nameId(activity.id, activity.name),
			timeReportingProfile: nameId(1, 'Grundprofil'),
			timeBankEnabled: false,
			currentTimeBank: null,
			planningCapacityInPercent: null,
			tags: null,
			permissions: i === 0 ? ['administrator'] : [],
			createdBy: null,
			updatedBy: null,
			createdDate: at(-60000 + i),
			updatedDate: null,
		};
	});

	const contacts = [];
	for (let i = 0; i < (sizes.contacts ?? 60); i++) {
		const company = i % 3 === 0;
		const id = i + 1;
		const name = company
			? `${COMPANIES[i % COMPANIES.length]} AB ${id}`
			: `${FIRST[i % 8]} ${LAST[(i * 3) % 8]} ${id}`;
		const address = (street) => ({
			objectName: 'generic.address',
			streetAddress: street,
			additionalAddress: null,
			postalCode: `941${pad(i % 100)}`,
			city: CITIES[i % 5],
			state: 'Norrbotten',
			countryId: 1,
			countryName: 'Sverige',
		});
		contacts.push({
			objectName: 'contact.detail',
			id,
			name,
			customerNumber: String(100 + id),
			contactType: company ? 'Company' : 'Person',
			organizationalOrSocialSecurityNumber: null,
			company: null,
			parentCompany: null,
			isActive: true,
			email: `kontakt${id}@example.se`,
			invoiceEmail: '',
			phoneNumber: `0911-${1000 + id}`,
			cellPhoneNumber: '',
			importantInformation: '',
			isSupplier: i % 10 === 0,
			isWholeSale: false,
			isRetailer: false,
			isSubContractor: false,
			isPartner: false,
			isCustomer: i % 10 !== 0,
			useReverseBuildTax: false,
			responsible: nameId(users[i % 8].id, `${users[i % 8].firstName} ${users[i % 8].lastName}`),
			tags: i % 4 === 0 ? [nameId(1, 'Bra kund')] : [],
			visitingAddress: address(`Storgatan ${id}`),
			deliveryAddress: address(''),
			invoiceAddress: address(''),
			// Pairs of contacts share a creation second (ties for the trigger).
			created: at(-40000 + Math.floor(i / 2) * 30),
			createdBy,
			lastUpdated: null,
			lastUpdatedBy: null,
		});
	}

	const projects = Array.from({ length: sizes.projects ?? 12 }, (_, i) => {
		const id = i + 1;
		const customer = contacts[(i * 5) % contacts.length];
		return {
			objectName: 'project.list',
			id,
			orderNumber: String(20 + id),
			title: `${['Köksrenovering', 'Badrum', 'Takbyte', 'Fasadmålning', 'Elinstallation', 'Tillbyggnad'][i % 6]} ${customer.name.split(' ')[0]} ${id}`,
			status: {
				objectName: 'project.list.status',
				id: i % 4 === 3 ? 3 : 1,
				name: i % 4 === 3 ? 'Avslutat' : 'Pågående',
				isCompletedStatus: i % 4 === 3,
			},
			startDate: dateOnly(BASE + i * 86400000 * 7),
			endDate: dateOnly(BASE + (i + 6) * 86400000 * 7),
			invoiceType: ['Ongoing', 'FixedPrice', 'None'][i % 3],
			location: {
				objectName: 'project.list.location',
				longitude: 21.48,
				latitude: 65.31,
				streetAddress: `Storgatan ${id}`,
				postalCode: '94100',
				city: CITIES[i % 5],
				countryName: 'Sverige',
			},
			projectManager: nameId(users[i % 3].id, `${users[i % 3].firstName} ${users[i % 3].lastName}`),
			customer: nameId(customer.id, customer.name),
			projectCollection: null,
			createdBy,
			updatedBy: null,
			created: at(-30000 + i * 60),
			updated: null,
		};
	});

	let columnId = 0;
	let boardTagId = 0;
	const taskBoards = Array.from({ length: 3 }, (_, i) => {
		const id = i + 1;
		const project = projects[i];
		return {
			objectName: 'taskboard.list',
			id,
			name: ['Bygg norr', 'El-avdelningen', 'Service'][i],
			project: {
				objectName: 'project.name_id',
				id: project.id,
				name: project.title,
				number: project.orderNumber,
			},
			tags: ['Akut', 'Väntar material', 'Garanti'].map((title, t) => ({
				objectName: 'generic.tag',
				id: ++boardTagId,
				title,
				color: ['#eb5a46', '#f2d600', '#41b18b'][t],
			})),
			columns: ['Att göra', 'Pågår', 'Klart'].map((name, c) => ({
				objectName: 'taskboard.list.column',
				id: ++columnId,
				name,
				taskCount: 0,
				createdByUser: createdBy,
				updatedByUser: null,
				createdDate: at(-29000 + c),
				updatedDate: null,
			})),
			members: users.slice(0, 4).map((u) => nameId(u.id, `${u.firstName} ${u.lastName}`)),
			createdByUser: createdBy,
			updatedByUser: null,
			createdDate: at(-29000 + i),
			updatedDate: null,
		};
	});

	const tasks = Array.from({ length: sizes.tasks ?? 40 }, (_, i) => {
		const id = i + 1;
		const board = taskBoards[i % 3];
		const column = board.columns[i % 3];
		const project = projects[i % projects.length];
		const members = [users[i % 8], users[(i + 1) % 8]];
		return {
			id,
			title: `${TASK_TITLES[i % TASK_TITLES.length]} ${id}`,
			description: `Uppgift ${id} för ${project.title}`,
			completedDate: column.name === 'Klart' ? at(-1000 + i) : null,
			timeReportingEnabled: true,
			estimate: (i % 5) * 2 + 1.5,
			startDate: i % 2 ? at(i * 1440) : null,
			startTime: null,
			endDate: i % 2 ? at(i * 1440 + 480) : null,
			endTime: null,
			tagIds: i % 4 === 0 ? [board.tags[0].id] : [],
			memberIds: members.map((m) => m.id),
			taskBoardColumnId: column.id,
			projectId: project.id,
			createdByUserId: 1,
			createdDate: at(-20000 + i * 10),
			updatedDate: null,
		};
	});

	const comments = [];
	const checklists = [];
	const attachments = [];
	let commentId = 0;
	let checklistId = 0;
	let checklistItemId = 0;
	let attachmentId = 0;
	for (const task of tasks.slice(0, 10)) {
		for (let c = 0; c < 3; c++) {
			comments.push({
				id: ++commentId,
				taskId: task.id,
				text: `Kommentar ${c + 1} på uppgift ${task.id}`,
				createdByUserId: 1 + (c % 3),
				updatedByUserId: null,
				createdDate: at(-10000 + commentId),
				updatedDate: null,
			});
		}
		checklists.push({
			id: ++checklistId,
			taskId: task.id,
			name: 'Att göra',
			items: ['Ta foton', 'Kontrollera mått', 'Städa'].map((title, s) => ({
				id: ++checklistItemId,
				title,
				sortOrder: s,
				completedDate: s === 0 ? at(-9000) : null,
				createdByUserId: 1,
				createdDate: at(-9500),
				updatedDate: null,
			})),
			createdByUserId: 1,
			createdDate: at(-9500 + checklistId),
			updatedDate: null,
		});
		attachments.push({
			id: ++attachmentId,
			taskId: task.id,
			name: `ritning-${task.id}.txt`,
			type: 'file',
			contentType: 'text/plain',
			content: Buffer.from(`Ritning för uppgift ${task.id}\n`),
			externalLinkUrl: null,
			externalUrlType: null,
			createdByUserId: 1,
			createdDate: at(-8000 + attachmentId),
			updatedDate: null,
		});
		attachments.push({
			id: ++attachmentId,
			taskId: task.id,
			name: 'Projektmapp',
			type: 'link',
			contentType: null,
			content: null,
			externalLinkUrl: 'https://example.com/projektmapp',
			externalUrlType: 'googleDrive',
			createdByUserId: 1,
			createdDate: at(-8000 + attachmentId),
			updatedDate: null,
		});
	}

	const timeReports = [];
	for (let i = 0; i < (sizes.timeReports ?? 80); i++)
		timeReports.push(makeTimeReport(i + 1, i, { users, projects, activities, at }));

	return {
		users,
		registers,
		contacts,
		projects,
		taskBoards,
		tasks,
		comments,
		checklists,
		attachments,
		timeReports,
		next: {
			contact: contacts.length + 1,
			task: tasks.length + 1,
			comment: commentId + 1,
			checklist: checklistId + 1,
			checklistItem: checklistItemId + 1,
			attachment: attachmentId + 1,
			timeReport: timeReports.length + 1,
			material: 1,
		},
	};
}

/** One seeded time report: users/projects rotate; ids 3, 6, 9 … are sent to attest, ids 6, 12 … attested. */
function makeTimeReport(id, i, { users, projects, activities, at }) {
	const user = users[i % users.length];
	const activity = activities[i % 5];
	const sent = i % 3 === 2;
	const attested = i % 6 === 5;
	return {
		id,
		date: at(i * 720).slice(0, 10),
		clockStart: i % 2 ? '07:00' : null,
		clockEnd: i % 2 ? '15:00' : null,
		hours: 8 - (i % 3),
		invoiceableHours: 8 - (i % 3),
		breakMinutes: i % 2 ? 60 : null,
		cost: 350,
		rate: 550,
		discount: null,
		comment: `Arbete dag ${i + 1}`,
		internalComment: null,
		sentToAttestDate: sent ? at(i * 720 + 600) : null,
		attestedDate: attested ? at(i * 720 + 660) : null,
		attestedByUserId: attested ? 1 : null,
		userId: user.id,
		projectId: i % 7 === 6 ? null : projects[i % projects.length].id,
		internalProjectId: i % 7 === 6 ? 1 : null,
		absenceProjectId: null,
		activityId: activity.id,
		timeCodeId: activity.preferredTimeCode || 1,
		timeArticleId: activity.preferredTimeArticle || 1,
		taskId: null,
		travelReport: null,
		allowanceReport: null,
		materials: [],
		equipments: [],
		additions: [],
		createdDate: at(i * 720 + 540),
		updatedDate: null,
	};
}

module.exports = { seed, stamp, dateOnly, nameId, makeTimeReport, BASE };
