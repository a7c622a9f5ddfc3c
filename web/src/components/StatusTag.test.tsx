import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../test/render.tsx';
import { StatusTag } from './StatusTag.tsx';

describe('StatusTag', () => {
  it('shows the zh label and the colour of an institution status', () => {
    renderWithProviders(<StatusTag set="institution" status="rectifying" data-testid="tag" />);
    const tag = screen.getByTestId('tag');
    expect(tag.textContent).toBe('整改中');
    expect(tag.className).toContain('orange');
  });

  it('shows the en label in English', () => {
    renderWithProviders(<StatusTag set="account" status="locked" />, { lang: 'en' });
    expect(screen.getByText('Locked').className).toContain('red');
  });

  it('an unknown status is shown as it is, in the default colour', () => {
    renderWithProviders(<StatusTag set="institution" status="archived" />);
    expect(screen.getByText('archived')).toBeTruthy();
  });
});
