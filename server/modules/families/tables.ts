/** Tables of the Families (issue 11) module (district_code first in every key; docs/MODULES.md step 4). */
export {};
