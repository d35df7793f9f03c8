/** Shown while the first page of the app loads its data. */
export function LoadingPage() {
  return (
    <main id="main" className="site-main site-main--narrow">
      <p role="status" className="muted">
        Loading Tandem…
      </p>
    </main>
  );
}
