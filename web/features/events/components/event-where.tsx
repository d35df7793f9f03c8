/** Where to go: the join link, the place, or both. */
export function EventWhere({ joinUrl, place, title }: { joinUrl: string; place: string; title: string }) {
  if (!joinUrl && !place) return <span className="muted">To be announced</span>;
  return (
    <>
      {joinUrl ? (
        <a href={joinUrl} target="_blank" rel="noreferrer">
          Join online<span className="visually-hidden"> for {title}</span> (opens in a new tab)
        </a>
      ) : null}
      {joinUrl && place ? <br /> : null}
      {place ? <span>{place}</span> : null}
    </>
  );
}
