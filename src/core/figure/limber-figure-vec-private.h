/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Three-vectors for the 3D pose and the shaped feet: a few inline helpers
 * shared by the files that need them.
 */
#pragma once

#include <math.h>

typedef double Vec[3];

static inline void
vec_set (Vec v, double x, double y, double z)
{
  v[0] = x, v[1] = y, v[2] = z;
}

static inline double
vec_dot (const Vec a, const Vec b)
{
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}

static inline void
vec_cross (const Vec a, const Vec b, Vec out)
{
  out[0] = a[1] * b[2] - a[2] * b[1];
  out[1] = a[2] * b[0] - a[0] * b[2];
  out[2] = a[0] * b[1] - a[1] * b[0];
}

/* Makes @v unit length (unless it is about zero); returns its length. */
static inline double
vec_norm (Vec v)
{
  double n = sqrt (vec_dot (v, v));

  if (n > 1e-12)
    for (int i = 0; i < 3; i++)
      v[i] /= n;
  return n;
}
