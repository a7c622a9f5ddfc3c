/** Tables of the Quality evaluation (issue 12) module (district_code first in every key; docs/MODULES.md step 4). */
export {};
