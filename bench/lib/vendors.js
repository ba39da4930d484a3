'use strict';
/**
 * The benchmark's vendors: every vendor in vendors.json whose bench/vendors/<key>.js exports cases for a
 * part (`sideBySide` for part B of `npm run bench`, `queue` for `npm run bench:queue`), in manifest order.
 * No vendor is named here: a new vendor's file (written by `npm run new-vendor`) is picked up as it is.
 */
const fs = require('fs');
const path = require('path');

const manifest = require('../../scripts/lib/vendors');

const CASES = path.join(__dirname, '..', 'vendors');

/** [{ vendor (the manifest entry), cases }] for one part. */
function benchVendors(part) {
	return manifest
		.vendors()
		.map((vendor) => {
			const file = path.join(CASES, `${vendor.key}.js`);
			const cases = fs.existsSync(file) ? require(file)[part] : undefined;
			return { vendor, cases };
		})
		.filter((x) => x.cases);
}

module.exports = { benchVendors };
