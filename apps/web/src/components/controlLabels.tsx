import {
  CheckCircleFilled,
  CheckOutlined,
  CloseCircleFilled,
  CloseOutlined,
  CopyOutlined,
  DeleteOutlined,
  DoubleLeftOutlined,
  DoubleRightOutlined,
  DownloadOutlined,
  DownOutlined,
  EllipsisOutlined,
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
  App,
  ConfigProvider,
  type ConfigProviderProps,
  InputNumber,
  InputNumberProps,
  type PaginationProps,
  // The one place antd's Popconfirm is used: elsewhere it comes from here, its icon decorative.
  // eslint-disable-next-line no-restricted-imports
  Popconfirm as AntdPopconfirm,
  type PopconfirmProps,
  type StepsProps,
  Typography,
  type UploadProps,
} from 'antd';
import {
  type ComponentProps,
  type ComponentRef,
  type ReactNode,
  cloneElement,
  forwardRef,
  isValidElement,
  useContext,
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
  'select' | 'modal' | 'drawer' | 'inputSearch' | 'alert' | 'datePicker' | 'rangePicker' | 'tabs'
> {
  const { t } = useTranslation();
  const { clearIcon } = useClearable();
  const search = t('actions.search');
  const remove = t('actions.delete');
  const more = t('actions.more');
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
      // The button of the tabs that do not fit, named by its icon alone: it was "ellipsis".
      tabs: { more: { icon: <EllipsisOutlined aria-label={more} /> } },
    }),
    [clearIcon, search, remove, more],
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
 * "left" / "right"; its jumps of five pages (shown past seven pages) held images "double-left" /
 * "double-right" and "ellipsis". Spread into a `pagination` (antd's Pagination takes them over its
 * own); the class names are antd's, from the ConfigProvider's prefix.
 */
export function usePagerIcons(): Pick<
  PaginationProps,
  'prevIcon' | 'nextIcon' | 'jumpPrevIcon' | 'jumpNextIcon'
> {
  const { t } = useTranslation();
  const pager = useContext(ConfigProvider.ConfigContext).getPrefixCls('pagination');
  const previous = t('pager.previous');
  const next = t('pager.next');
  return useMemo(() => {
    const arrow = (label: string, icon: ReactNode) => (
      <button className={`${pager}-item-link`} type="button" tabIndex={-1} aria-label={label}>
        {icon}
      </button>
    );
    const jump = (icon: ReactNode) => (
      <a className={`${pager}-item-link`}>
        <div className={`${pager}-item-container`}>
          {icon}
          <span className={`${pager}-item-ellipsis`}>
            <EllipsisOutlined />
          </span>
        </div>
      </a>
    );
    return {
      prevIcon: arrow(previous, <LeftOutlined />),
      nextIcon: arrow(next, <RightOutlined />),
      jumpPrevIcon: jump(<DoubleLeftOutlined className={`${pager}-item-link-icon`} />),
      jumpNextIcon: jump(<DoubleRightOutlined className={`${pager}-item-link-icon`} />),
    };
  }, [pager, previous, next]);
}

/**
 * Typography's copy button, named 复制 / 复制成功 by antd's locale, its icons decorative: they were
 * images "copy" / "check". `<Typography.Text copyable={COPYABLE}>`.
 */
export const COPYABLE: Exclude<ComponentProps<typeof Typography.Text>['copyable'], boolean | undefined> = {
  icon: [<CopyOutlined key="copy" />, <CheckOutlined key="copied" />],
};

/**
 * A Steps' finished and failed steps, antd's own icon kept and made decorative: it was an image
 * "check" / "close" (the step's title names it). Spread into a `<Steps>`.
 */
export const STEP_ICONS: Pick<StepsProps, 'iconRender'> = {
  iconRender: (node, { item }) => {
    if (item.status !== 'finish' && item.status !== 'error') return node;
    if (!isValidElement<{ children?: ReactNode }>(node)) return node;
    const icon = node.props.children;
    return isValidElement<{ 'aria-hidden'?: boolean }>(icon)
      ? cloneElement(node, undefined, cloneElement(icon, { 'aria-hidden': true }))
      : node;
  },
};

/** antd's message icons, the ones it draws, decorative: they were images "check-circle", "close-circle"… */
const MESSAGE_ICONS = {
  success: <CheckCircleFilled />,
  info: <InfoCircleFilled />,
  warning: <ExclamationCircleFilled />,
  error: <CloseCircleFilled />,
  loading: <LoadingOutlined />,
};

type MessageApi = ReturnType<typeof App.useApp>['message'];
type Content = Parameters<MessageApi['success']>[0];

/** antd's test of a message's content for its arguments object (a `content`, not a node). */
const isArgs = (c: Content): c is Exclude<Content, ReactNode> =>
  Object.prototype.toString.call(c) === '[object Object]' && !!(c as { content?: unknown }).content;

/**
 * App.useApp()'s message, its icons decorative: a toast said "check-circle 已保存" in a Chinese UI.
 * Use it wherever a page shows a message.
 */
export function useMessage(): MessageApi {
  const { message } = App.useApp();
  return useMemo(() => {
    const typed =
      (type: keyof typeof MESSAGE_ICONS): MessageApi['success'] =>
      (content, duration, onClose) => {
        const icon = MESSAGE_ICONS[type];
        if (isArgs(content)) return message[type]({ icon, ...content }, duration, onClose);
        return content
          ? message[type]({ content, icon }, duration, onClose)
          : message[type](content, duration, onClose);
      };
    return {
      ...message,
      open: (args) => message.open({ icon: args.type && MESSAGE_ICONS[args.type], ...args }),
      success: typed('success'),
      info: typed('info'),
      warning: typed('warning'),
      error: typed('error'),
      loading: typed('loading'),
    };
  }, [message]);
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
