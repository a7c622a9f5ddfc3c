import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../../test/render.tsx';
import { CreateUserDialog } from './UserDialogs.tsx';

describe('create-account form: contract rules as the user types', () => {
  it('shows the username format and the password policy before anything is sent', async () => {
    const user = userEvent.setup({ delay: null });
    renderWithProviders(<CreateUserDialog open onClose={() => {}} />);
    await user.type(screen.getByLabelText('用户名'), 'Zhang San');
    await waitFor(() => expect(screen.getByText(/^只能使用小写字母/)).toBeTruthy());

    await user.clear(screen.getByLabelText('用户名'));
    await user.type(screen.getByLabelText('用户名'), 'zhang.san');
    const password = screen.getByLabelText('初始密码');
    await user.type(password, 'abc');
    await waitFor(() => expect(screen.getByText(/密码至少 8 个字符/)).toBeTruthy());
    await user.clear(password);
    await user.type(password, 'Zhang.San-2026');
    await waitFor(() => expect(screen.getByText('密码不能包含用户名')).toBeTruthy());
    await user.clear(password);
    await user.type(password, 'Qingpu-Tuoyu-2026!');
    await waitFor(() => expect(screen.queryByText('密码不能包含用户名')).toBeNull());
  });
});
