// Admin: jobs by status, throughput and dead letters (GET /v1/admin/stats, admin role), refreshed
// every 5 s while the page is open.
import { useEffect, useState } from 'preact/hooks';
import type { AdminStats, Api } from '../api';
import { ErrorBox, guardAuth } from '../components/problem';
import { Link } from '../router';

export const AdminPage = ({ api, onAuthError }: { api: Api; onAuthError: () => void }) => {
  const [stats, setStats] = useState<AdminStats>();
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    const load = () => api.adminStats().catch(guardAuth(onAuthError)).then((s) => (setStats(s), setError(undefined)), setError);
    void load();
    const timer = setInterval(() => void load(), 5000);
    return () => clearInterval(timer);
  }, [api, onAuthError]);
  return (
    <section>
      <h1>Admin</h1>
      {error !== undefined && <ErrorBox error={error} />}
      {stats && (
        <div class="stats" data-testid="admin-stats">
          <div class="stat">
            <span class="value">{stats.jobs.total}</span>
            <span class="label">jobs</span>
          </div>
          <div class="stat">
            <span class="value">{stats.throughput.completedLastHour}</span>
            <span class="label">completed in the last hour</span>
          </div>
          <div class="stat">
            <span class="value">{stats.throughput.completedLastDay}</span>
            <span class="label">completed in the last day</span>
          </div>
          <div class={`stat ${stats.deadLetters.jobs > 0 ? 'alert' : ''}`}>
            <span class="value">{stats.deadLetters.jobs}</span>
            <span class="label">dead letters</span>
          </div>
          <table class="kv">
            <tbody>
              {Object.entries(stats.jobs.byStatus).map(([status, count]) => (
                <tr key={status}>
                  <th>
                    <Link href={`/jobs?status=${status}`}>{status}</Link>
                  </th>
                  <td>{count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
};
