package dev.roost.web.history;

import java.util.List;

/**
 * The points of one series over a range, and the width of the buckets they were grouped into (0 when every
 * point is a single reading).
 */
public record HistoryPoints(List<HistoryPoint> points, long bucketSeconds) {
}
