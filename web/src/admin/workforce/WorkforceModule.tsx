/** /admin/workforce/staff/* — the staff list and a person's page. */
import { Route, Routes } from 'react-router';
import { StatusPage } from '../StatusPage.tsx';
import StaffDetailPage from './StaffDetailPage.tsx';
import StaffListPage from './StaffListPage.tsx';

export default function WorkforceModule() {
  return (
    <Routes>
      <Route index element={<StaffListPage />} />
      <Route path=":id" element={<StaffDetailPage />} />
      <Route path="*" element={<StatusPage status={404} home="/admin/workforce/staff" />} />
    </Routes>
  );
}
