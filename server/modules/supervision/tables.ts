/** Tables of the Supervision (issue 10) module (district_code first in every key; docs/MODULES.md step 4). */
export {};
