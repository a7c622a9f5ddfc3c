/** /admin/plan — the plan targets (table, trend, town breakdown), a target's rows, the plan versions. */
import { Route, Routes } from 'react-router';
import { DrillPage } from './DrillPage.tsx';
import { TargetsPage } from './TargetsPage.tsx';
import { VersionsPage } from './VersionsPage.tsx';

export default function PlanModule() {
  return (
    <Routes>
      <Route index element={<TargetsPage />} />
      <Route path="targets/:id" element={<DrillPage />} />
      <Route path="versions" element={<VersionsPage />} />
    </Routes>
  );
}
