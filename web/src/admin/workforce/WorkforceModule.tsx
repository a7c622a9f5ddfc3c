/** /admin/workforce/staff/* — the staff list, the staff import and a person's page. */
import { Route, Routes } from 'react-router';
import { StatusPage } from '../StatusPage.tsx';
import { can, useCurrentMe } from '../session.ts';
import ImportPage from './ImportPage.tsx';
import StaffDetailPage from './StaffDetailPage.tsx';
import StaffListPage from './StaffListPage.tsx';

export default function WorkforceModule() {
  const me = useCurrentMe();
  return (
    <Routes>
      <Route index element={<StaffListPage />} />
      {/* Under the staff list, so the sidebar keeps 从业人员 selected. */}
      <Route
        path="import"
        element={
          can(me, 'workforce.import') ? (
            <ImportPage />
          ) : (
            <StatusPage status={403} home="/admin/workforce/staff" />
          )
        }
      />
      <Route path=":id" element={<StaffDetailPage />} />
      <Route path="*" element={<StatusPage status={404} home="/admin/workforce/staff" />} />
    </Routes>
  );
}
