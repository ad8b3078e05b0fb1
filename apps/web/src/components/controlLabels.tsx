import {
  CheckCircleFilled,
  CheckOutlined,
  CloseCircleFilled,
  CloseOutlined,
  DeleteOutlined,
  DownloadOutlined,
  DownOutlined,
  ExclamationCircleFilled,
  InfoCircleFilled,
  LeftOutlined,
  LoadingOutlined,
  PaperClipOutlined,
  RightOutlined,
  SearchOutlined,
  SwapRightOutlined,
  UpOutlined,
} from './icons';
import {
  type ConfigProviderProps,
  InputNumber,
  InputNumberProps,
  type PaginationProps,
  // The one place antd's Popconfirm is used: elsewhere it comes from here, its icon decorative.
  // eslint-disable-next-line no-restricted-imports
  Popconfirm as AntdPopconfirm,
  type PopconfirmProps,
  type UploadProps,
} from 'antd';
import {
  type ComponentRef,
  type ReactNode,
  forwardRef,
  useEffect,
  useImperativeHandle,
  useMemo,
  useRef,
} from 'react';
import { useTranslation } from 'react-i18next';

/**
 * antd's own icons, given to the ConfigProvider: antd drew them from @ant-design/icons, each an
 * image named in English ("down" beside every Select, "close" on every dialog, "search" the only
 * name of Input.Search's button, "warning" on an Alert). Here the decorative ones are hidden from
 * assistive technology and the ones that alone name a control are named from the locale files.
 * Each is the icon antd draws by default, so nothing changes on screen.
 */
export function useAntdIcons(): Pick<
  ConfigProviderProps,
  'select' | 'modal' | 'drawer' | 'inputSearch' | 'alert' | 'datePicker' | 'rangePicker'
> {
  const { t } = useTranslation();
  const { clearIcon } = useClearable();
  const search = t('actions.search');
  const remove = t('actions.delete');
  return useMemo(
    () => ({
      select: {
        suffixIcon: <DownOutlined />,
        clearIcon,
        removeIcon: <CloseOutlined aria-label={remove} />,
        menuItemSelectedIcon: <CheckOutlined />,
      },
      modal: { closeIcon: <CloseOutlined /> },
      drawer: { closeIcon: <CloseOutlined /> },
      inputSearch: { searchIcon: <SearchOutlined aria-label={search} /> },
      alert: {
        successIcon: <CheckCircleFilled />,
        infoIcon: <InfoCircleFilled />,
        warningIcon: <ExclamationCircleFilled />,
        errorIcon: <CloseCircleFilled />,
      },
      datePicker: { clearIcon },
      rangePicker: { separator: <SwapRightOutlined /> },
    }),
    [clearIcon, search, remove],
  );
}

/** antd's Popconfirm, its warning icon decorative (it was an image named "exclamation-circle"). */
export function Popconfirm(props: PopconfirmProps) {
  return <AntdPopconfirm icon={<ExclamationCircleFilled />} {...props} />;
}

/**
 * An Upload's file list with decorative icons: a file's icon was an image named "paper-clip", its
 * delete and download buttons (named 删除文件 / 下载文件 by antd's locale) held images "delete" /
 * "download". Spread into an Upload whose list shows.
 */
export const UPLOAD_ICONS: Pick<UploadProps, 'showUploadList' | 'iconRender'> = {
  showUploadList: { removeIcon: <DeleteOutlined />, downloadIcon: <DownloadOutlined /> },
  iconRender: (file) => (file.status === 'uploading' ? <LoadingOutlined /> : <PaperClipOutlined />),
};

/**
 * A table's or list's page arrows, named 上一页 / 下一页: antd's were buttons named by their icons,
 * "left" / "right". Spread into a `pagination` (antd's Pagination takes them over its own).
 */
export function usePagerIcons(): Pick<PaginationProps, 'prevIcon' | 'nextIcon'> {
  const { t } = useTranslation();
  const previous = t('pager.previous');
  const next = t('pager.next');
  return useMemo(
    () => ({
      prevIcon: (
        <button className="ant-pagination-item-link" type="button" tabIndex={-1} aria-label={previous}>
          <LeftOutlined />
        </button>
      ),
      nextIcon: (
        <button className="ant-pagination-item-link" type="button" tabIndex={-1} aria-label={next}>
          <RightOutlined />
        </button>
      ),
    }),
    [previous, next],
  );
}

/**
 * A clear button's name in the page's language. antd's Select named its hidden clear button
 * "Clear" and Input's was named by its icon, "close-circle", in Chinese as in English: pass this as
 * `allowClear` (Select and Input alike; `allowClear={!required && clear}` where it depends).
 */
export function useClearable(): { clearIcon: ReactNode; label: string } {
  const { t } = useTranslation();
  const label = t('actions.clear');
  return useMemo(() => ({ clearIcon: <CloseCircleFilled aria-label={label} />, label }), [label]);
}

/**
 * antd's InputNumber, its step arrows (shown on hover) named 增加 / 减少: rc-input-number names them
 * "Increase Value" / "Decrease Value" in every language and takes no label. React leaves an attribute
 * it rendered unchanged alone, so the names set here stay.
 */
type InputNumberRef = ComponentRef<typeof InputNumber>;

export const NumberInput = forwardRef<InputNumberRef, InputNumberProps<number>>(
  function NumberInput(props, ref) {
    const { t } = useTranslation();
    const own = useRef<InputNumberRef>(null);
    useImperativeHandle(ref, () => own.current!, []);
    useEffect(() => {
      const root = own.current?.nativeElement;
      root?.querySelector('.ant-input-number-action-up')?.setAttribute('aria-label', t('actions.increase'));
      root?.querySelector('.ant-input-number-action-down')?.setAttribute('aria-label', t('actions.decrease'));
    });
    // Its arrows' icons decorative: the arrow is named above, its icon was an image "up" / "down".
    const controls =
      props.controls === false || typeof props.controls === 'object'
        ? props.controls
        : { upIcon: <UpOutlined />, downIcon: <DownOutlined /> };
    return <InputNumber<number> ref={own} {...props} controls={controls} />;
  },
);
