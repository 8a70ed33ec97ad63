import {
  deviceStatuses,
  type ElevationDevice,
  type RackElevation as RackElevationShape,
  type RackFace,
} from '@vigie/shared';
import { Fragment, type MouseEvent } from 'react';
import { useNavigate } from 'react-router';
import { useT } from '../../../lib/i18n/i18n-provider';
import type { Translate } from '../../../lib/i18n/translate';
import {
  deviceSpan,
  formatUnits,
  layoutFace,
  unitLabels,
  unitPx,
  type FaceLayout,
} from '../lib/elevation-layout';
import { truncateWords } from '../lib/truncate-words';

const labelWidth = 28;
const rackWidth = 220;
const zeroUWidth = 22;
const padding = 6;

export function deviceHref(id: number): string {
  return `/inventory/devices/${id}`;
}

/** The spoken label of a device block: everything the drawing shows, in words. */
export function deviceLabel(device: ElevationDevice, t: Translate): string {
  const units =
    device.position === null ? t('devices.zeroU') : formatUnits(deviceSpan(device.position, device.uHeight));
  return t('elevation.deviceLabel', {
    name: device.name,
    type: device.typeLabel,
    units,
    status: t(`deviceStatus.${device.status}`),
    tenant: device.tenantName ?? t('inventory.noTenant'),
  });
}

/** Follows an SVG link inside the app, leaving modified clicks (new tab…) to the browser. */
function useSvgLink() {
  const navigate = useNavigate();
  return (event: MouseEvent<Element>, href: string) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    void navigate(href);
  };
}

/** Devices to pick out (an incident's affected devices): marked with a star and named in their label. */
export interface ElevationHighlight {
  deviceIds: readonly number[];
  /** Added to the spoken label of each highlighted device, e.g. "affected". */
  label: string;
}

function FaceDrawing({
  layout,
  zeroU,
  rackName,
  rackUnits,
  freeUnits,
  zeroUColumns,
  highlight,
}: {
  highlight: ElevationHighlight | undefined;
  layout: FaceLayout;
  zeroU: readonly ElevationDevice[];
  rackName: string;
  rackUnits: number;
  freeUnits: number;
  /** The same on both faces, so both drawings share one scale. */
  zeroUColumns: number;
}) {
  const t = useT();
  const follow = useSvgLink();
  const faceLabel = t(layout.face === 'front' ? 'face.front' : 'face.rear');
  const rackX = labelWidth;
  const zeroUX = rackX + rackWidth + padding;
  const width = zeroUX + Math.max(1, zeroUColumns) * (zeroUWidth + 4);
  const height = rackUnits * unitPx + 2 * padding;
  const charsPerLine = Math.floor((rackWidth - 12) / 6.6);

  return (
    <figure className="elevation__face" data-testid={`elevation-${layout.face}`}>
      <figcaption className="elevation__caption">
        <span className="elevation__face-name">{faceLabel}</span>
        <span className="elevation__free">{t('elevation.freeUnits', { units: freeUnits })}</span>
      </figcaption>
      <svg
        className="elevation__svg"
        viewBox={`0 0 ${width} ${height}`}
        role="group"
        aria-label={t('elevation.figure', {
          face: faceLabel,
          name: rackName,
          free: freeUnits,
          total: rackUnits,
        })}
      >
        <g transform={`translate(0 ${padding})`}>
          <rect className="elevation__frame" x={rackX} y={0} width={rackWidth} height={rackUnits * unitPx} />
          {unitLabels(rackUnits).map(({ unit, y }) => (
            <g key={unit} aria-hidden="true">
              <line className="elevation__unit-line" x1={rackX} x2={rackX + rackWidth} y1={y} y2={y} />
              <text
                className="elevation__unit-number"
                x={labelWidth - 4}
                y={y + unitPx / 2}
                textAnchor="end"
                dominantBaseline="central"
              >
                {unit}
              </text>
            </g>
          ))}
          {layout.free.map((block) => (
            <g key={`free-${block.bottom}`} aria-hidden="true">
              <rect
                className="elevation__free-space"
                x={rackX + 2}
                y={block.y + 1}
                width={rackWidth - 4}
                height={block.height - 2}
              />
              {block.height >= unitPx && (
                <text
                  className="elevation__free-text"
                  x={rackX + rackWidth / 2}
                  y={block.y + block.height / 2}
                  textAnchor="middle"
                  dominantBaseline="central"
                >
                  {`${t('elevation.free')} · ${formatUnits(block)}`}
                </text>
              )}
            </g>
          ))}
          {layout.hidden.map((block) => (
            <g key={`hidden-${block.bottom}`}>
              <rect
                className="elevation__hidden"
                x={rackX + 2}
                y={block.y + 1}
                width={rackWidth - 4}
                height={block.height - 2}
              >
                <title>{t('elevation.hidden')}</title>
              </rect>
              {block.height >= unitPx && (
                <text
                  className="elevation__hidden-text"
                  x={rackX + rackWidth / 2}
                  y={block.y + block.height / 2}
                  textAnchor="middle"
                  dominantBaseline="central"
                  aria-hidden="true"
                >
                  {t('elevation.hidden')}
                </text>
              )}
            </g>
          ))}
          {layout.devices.map(({ device, block, mountedHere }) => {
            const marked = highlight?.deviceIds.includes(device.id) ?? false;
            const baseLabel = mountedHere
              ? deviceLabel(device, t)
              : `${deviceLabel(device, t)} (${t('elevation.fromOtherFace')})`;
            const label = marked ? `${baseLabel} (${highlight?.label})` : baseLabel;
            const lines = block.height >= 3 * unitPx ? 3 : block.height >= 2 * unitPx ? 2 : 1;
            const textLines =
              lines === 1
                ? [`${device.name} · ${device.typeLabel}`]
                : lines === 2
                  ? [device.name, `${device.typeLabel} · ${device.tenantName ?? t('inventory.noTenant')}`]
                  : [device.name, device.typeLabel, device.tenantName ?? t('inventory.noTenant')];
            const lineHeight = Math.min(unitPx, block.height / lines);
            const firstY = block.y + block.height / 2 - ((lines - 1) * lineHeight) / 2;
            const href = deviceHref(device.id);
            return (
              <a
                key={`${device.id}`}
                href={href}
                aria-label={label}
                className="elevation__device-link"
                data-testid={`elevation-device-${device.id}`}
                onClick={(event) => follow(event, href)}
              >
                <title>{label}</title>
                <rect
                  className={`elevation__device device-status--${device.status}${mountedHere ? '' : ' elevation__device--behind'}${marked ? ' elevation__device--highlight' : ''}`}
                  x={rackX + 2}
                  y={block.y + 1}
                  width={rackWidth - 4}
                  height={Math.max(2, block.height - 2)}
                  rx={2}
                />
                {block.height >= unitPx / 2 + 4 &&
                  textLines.map((line, index) => (
                    // The space keeps the lines apart in the link's visible text (label-in-name).
                    <Fragment key={index}>
                      {index > 0 && ' '}
                      <text
                        className={index === 0 ? 'elevation__device-name' : 'elevation__device-meta'}
                        x={rackX + 8}
                        y={firstY + index * lineHeight}
                        dominantBaseline="central"
                        aria-hidden="true"
                      >
                        {truncateWords(
                          mountedHere || index > 0
                            ? marked && index === 0
                              ? `★ ${line}`
                              : line
                            : `↺ ${line}`,
                          charsPerLine,
                        )}
                      </text>
                    </Fragment>
                  ))}
              </a>
            );
          })}
          {zeroU.map((device, index) => {
            const href = deviceHref(device.id);
            const marked = highlight?.deviceIds.includes(device.id) ?? false;
            const label = marked ? `${deviceLabel(device, t)} (${highlight?.label})` : deviceLabel(device, t);
            const x = zeroUX + index * (zeroUWidth + 4);
            const barHeight = rackUnits * unitPx;
            return (
              <a
                key={device.id}
                href={href}
                aria-label={label}
                className="elevation__device-link"
                data-testid={`elevation-device-${device.id}`}
                onClick={(event) => follow(event, href)}
              >
                <title>{label}</title>
                <rect
                  className={`elevation__device device-status--${device.status}${marked ? ' elevation__device--highlight' : ''}`}
                  x={x}
                  y={0}
                  width={zeroUWidth}
                  height={barHeight}
                  rx={3}
                />
                <text
                  className="elevation__device-name"
                  transform={`translate(${x + zeroUWidth / 2} ${barHeight / 2}) rotate(-90)`}
                  textAnchor="middle"
                  dominantBaseline="central"
                  aria-hidden="true"
                >
                  {truncateWords(device.name, Math.floor(barHeight / 7))}
                </text>
              </a>
            );
          })}
        </g>
      </svg>
    </figure>
  );
}

/** Zero-U devices are drawn beside the face they are mounted on (both faces when it is not known). */
function zeroUFor(elevation: RackElevationShape, face: RackFace): ElevationDevice[] {
  return elevation.zeroU.filter((device) => device.face === null || device.face === face);
}

export function RackElevation({
  elevation,
  highlight,
}: {
  elevation: RackElevationShape;
  highlight?: ElevationHighlight;
}) {
  const t = useT();
  const rackUnits = elevation.rack.uHeight;
  const front = layoutFace(elevation.front, elevation.hiddenRanges.front, rackUnits);
  const rear = layoutFace(elevation.rear, elevation.hiddenRanges.rear, rackUnits);
  const frontZeroU = zeroUFor(elevation, 'front');
  const rearZeroU = zeroUFor(elevation, 'rear');
  const zeroUColumns = Math.max(frontZeroU.length, rearZeroU.length);

  return (
    <div className="elevation">
      <div className="elevation__faces">
        <FaceDrawing
          layout={front}
          zeroU={frontZeroU}
          zeroUColumns={zeroUColumns}
          highlight={highlight}
          rackName={elevation.rack.name}
          rackUnits={rackUnits}
          freeUnits={elevation.front.freeUnits}
        />
        <FaceDrawing
          layout={rear}
          zeroU={rearZeroU}
          zeroUColumns={zeroUColumns}
          highlight={highlight}
          rackName={elevation.rack.name}
          rackUnits={rackUnits}
          freeUnits={elevation.rear.freeUnits}
        />
      </div>
      <ul className="legend" aria-label={t('elevation.legend')}>
        {deviceStatuses.map((status) => (
          <li key={status} className="legend__item">
            <span className={`legend__swatch device-status--${status}`} aria-hidden="true" />
            {t(`deviceStatus.${status}`)}
          </li>
        ))}
        <li className="legend__item">
          <span className="legend__swatch elevation__free-space" aria-hidden="true" />
          {t('elevation.free')}
        </li>
        <li className="legend__item">
          <span className="legend__swatch elevation__device--behind" aria-hidden="true" />
          {`↺ ${t('elevation.fromOtherFace')}`}
        </li>
      </ul>
    </div>
  );
}
