/** Tables of the Plan and funding (issue 13) module (district_code first in every key; docs/MODULES.md step 4). */
export {};
