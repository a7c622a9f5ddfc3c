/**
 * The reveal dialog and a revealed value outlive the item that shows them: a responsive Descriptions
 * mounts its items afresh when its column count changes (a resized window), which used to close an
 * open dialog and drop what was typed or revealed. Here the item is remounted by changing its key.
 */
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../../test/render.tsx';
import { MeContext } from '../session.ts';
import { RevealScope, RevealValue } from './RevealValue.tsx';

const me = { permittedActions: ['personal_data.reveal'] } as unknown as React.ContextType<typeof MeContext>;

/** Mounts the item afresh (a new key on its parent) when `remount` is called. */
let remount: () => void = () => {};

function Page({ calls }: { calls: string[] }) {
  const [row, setRow] = useState(1);
  remount = () => act(() => setRow((r) => r + 1));
  return (
    <MeContext.Provider value={me}>
      <RevealScope>
        <div key={row}>
          <RevealValue
            subject="staff-1"
            field="mobile"
            label="手机号"
            masked="138****0000"
            reveal={async (purpose) => {
              calls.push(purpose);
              return { value: '13800000000' };
            }}
          />
        </div>
      </RevealScope>
    </MeContext.Provider>
  );
}

describe('RevealValue in a scope', () => {
  it('keeps the open dialog, the typed purpose and the revealed value when its item is mounted afresh', async () => {
    const user = userEvent.setup({ delay: null });
    const calls: string[] = [];
    renderWithProviders(<Page calls={calls} />);
    await user.click(screen.getByRole('button', { name: /^查\s*看$/ }));
    const purpose = await screen.findByRole('textbox');
    await user.type(purpose, '核对园长联系方式');

    remount();
    expect(screen.getByRole('dialog')).toBeTruthy();
    expect((screen.getByRole('textbox') as HTMLTextAreaElement).value).toBe('核对园长联系方式');

    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: /^查\s*看$/ }));
    await waitFor(() => expect(screen.getByTestId('reveal-mobile').textContent).toBe('13800000000'));
    expect(calls).toEqual(['核对园长联系方式']);

    remount();
    expect(screen.getByTestId('reveal-mobile').textContent).toBe('13800000000');
    await user.click(screen.getByRole('button', { name: /^隐\s*藏$/ }));
    expect(screen.getByTestId('reveal-mobile').textContent).toBe('138****0000');
  });
});
