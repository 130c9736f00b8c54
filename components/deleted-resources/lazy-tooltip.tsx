'use client';

import { cloneElement, useEffect, useState, type FocusEvent, type PointerEvent, type ReactElement } from 'react';
import { Tooltip } from '@fluentui/react-components';

/** Fluent's own delay before a hovered trigger shows its tooltip. */
const SHOW_DELAY_MS = 250;

interface TriggerProps {
  onPointerEnter?: (event: PointerEvent<HTMLElement>) => void;
  onPointerLeave?: (event: PointerEvent<HTMLElement>) => void;
  onFocus?: (event: FocusEvent<HTMLElement>) => void;
}

/**
 * A Fluent Tooltip (relationship "description") that exists only once its trigger has been hovered or focused.
 * A description tooltip is always rendered, hidden, in a portal of its own so that aria-describedby points at
 * it, with its positioning and listeners: a few per row made most of the table's first render (Lighthouse row 6
 * in README.md, Benchmarks). Focus mounts it within the focus event, so the description is there when focus is.
 */
export function LazyTooltip(props: { content: string; children: ReactElement<TriggerProps> }) {
  const { content, children } = props;
  const [armed, setArmed] = useState(false);
  const [visible, setVisible] = useState(false);
  // Hovered for the first time: shown after Fluent's delay unless the pointer leaves first.
  const [waitingToShow, setWaitingToShow] = useState(false);
  useEffect(() => {
    if (!waitingToShow) return;
    const timer = setTimeout(() => {
      setWaitingToShow(false);
      setVisible(true);
    }, SHOW_DELAY_MS);
    return () => clearTimeout(timer);
  }, [waitingToShow]);

  if (!armed) {
    return cloneElement(children, {
      onPointerEnter: (event) => {
        children.props.onPointerEnter?.(event);
        setArmed(true);
        setWaitingToShow(true);
      },
      onFocus: (event) => {
        children.props.onFocus?.(event);
        setArmed(true);
        setVisible(true);
      },
    });
  }
  // From here on the Tooltip's own handlers say when it shows and hides (leave, blur, Escape).
  return (
    <Tooltip
      content={content}
      relationship="description"
      visible={visible}
      onVisibleChange={(_, data) => {
        setWaitingToShow(false);
        setVisible(data.visible);
      }}
    >
      {cloneElement(children, {
        onPointerLeave: (event) => {
          children.props.onPointerLeave?.(event);
          setWaitingToShow(false);
        },
      })}
    </Tooltip>
  );
}
