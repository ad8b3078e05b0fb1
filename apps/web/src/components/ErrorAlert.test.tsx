import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { ErrorAlert } from './ErrorAlert';

// The server sums up a refused input as "field: message；…" (libs/domain/src/errors.ts): field
// paths are the API's words, not the official's.
describe('a refused input', () => {
  it('is headed in words and lists each field by its label, never by its path', () => {
    const details = [
      { field: 'creditCode', message: '统一社会信用代码应为18位' },
      { field: 'name', message: '必填' },
    ];
    const summary = details.map((d) => `${d.field}: ${d.message}`).join('；');
    render(<ErrorAlert error={new ApiError(400, 'VALIDATION_FAILED', summary, details)} />);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('请修改以下内容');
    expect(alert).toHaveTextContent('统一社会信用代码：统一社会信用代码应为18位');
    expect(alert).not.toHaveTextContent(/creditCode|name:/);
  });

  it('keeps a refusal the server worded itself', () => {
    const details = [{ field: 'file', message: '不是有效的 Excel 文件' }];
    render(<ErrorAlert error={new ApiError(400, 'VALIDATION_FAILED', '请上传 .xlsx 模板', details)} />);
    expect(screen.getByRole('alert')).toHaveTextContent('请上传 .xlsx 模板');
  });
});
