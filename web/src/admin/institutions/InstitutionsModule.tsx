/** /admin/institutions/* — the registry's own routes: list, new, import, detail, edit. */
import { Route, Routes } from 'react-router';
import { StatusPage } from '../StatusPage.tsx';
import DetailPage from './DetailPage.tsx';
import FormPage from './FormPage.tsx';
import ImportPage from './ImportPage.tsx';
import ListPage from './ListPage.tsx';

export default function InstitutionsModule() {
  return (
    <Routes>
      <Route index element={<ListPage />} />
      <Route path="new" element={<FormPage />} />
      <Route path="import" element={<ImportPage />} />
      <Route path=":id" element={<DetailPage />} />
      <Route path=":id/edit" element={<FormPage />} />
      <Route path="*" element={<StatusPage status={404} home="/admin/institutions" />} />
    </Routes>
  );
}
