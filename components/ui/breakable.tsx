import { Fragment } from 'react';

/** Lets long dotted names such as `client.chat.completions.create()` wrap after a dot instead of mid-word. */
export function Breakable({ text }: { text: string }) {
  const parts = text.split('.');
  return (
    <>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {part}
          {i < parts.length - 1 && (
            <>
              .<wbr />
            </>
          )}
        </Fragment>
      ))}
    </>
  );
}
