/** /admin/quality/* — the quality module's sub-routes (rounds, a round, an evaluation form, feedback). */
import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { PageLoading } from '../../components/PageLoading.tsx';

const RoundsPage = lazy(() => import('./RoundsPage.tsx'));
const RoundPage = lazy(() => import('./RoundPage.tsx'));
const EvaluationPage = lazy(() => import('./EvaluationPage.tsx'));
const FeedbackPage = lazy(() => import('./FeedbackPage.tsx'));

export default function QualityModule() {
  return (
    <Suspense fallback={<PageLoading />}>
      <Routes>
        <Route index element={<RoundsPage />} />
        <Route path="rounds/:id" element={<RoundPage />} />
        <Route path="evaluations/:id" element={<EvaluationPage />} />
        <Route path="feedback/:id" element={<FeedbackPage />} />
      </Routes>
    </Suspense>
  );
}
