// Package overlap measures how much two sets of weighted features share.
package overlap

import "cmp"

// Dice returns the weighted Dice coefficient of two sorted sets without
// duplicates: twice the weight of the elements they share over the weight
// of both, in [0, 1]; 0 when both weigh nothing. ta and tb are the total
// weights of a and b. Cost O(len(a)+len(b)), no allocation.
func Dice[K cmp.Ordered](a, b []K, ta, tb float64, weight func(K) float64) float64 {
	if ta+tb == 0 {
		return 0
	}
	return 2 * SharedWeight(a, b, weight) / (ta + tb)
}

// Shared counts the elements two sorted sets without duplicates have in
// common. Cost O(len(a)+len(b)).
func Shared[K cmp.Ordered](a, b []K) int {
	return int(SharedWeight(a, b, func(K) float64 { return 1 }))
}

// SharedWeight is the summed weight of the elements two sorted sets
// share, added in increasing order.
func SharedWeight[K cmp.Ordered](a, b []K, weight func(K) float64) float64 {
	shared := 0.0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			shared += weight(a[i])
			i++
			j++
		}
	}
	return shared
}

// Total returns the summed weight of a set.
func Total[K any](s []K, weight func(K) float64) float64 {
	t := 0.0
	for _, k := range s {
		t += weight(k)
	}
	return t
}

// Containment returns the weight two sorted sets without duplicates share
// over the weight of the lighter one, in [0, 1]: 1 when one holds all of
// the other; 0 when either weighs nothing. Cost O(len(a)+len(b)).
func Containment[K cmp.Ordered](a, b []K, ta, tb float64, weight func(K) float64) float64 {
	if ta == 0 || tb == 0 {
		return 0
	}
	return SharedWeight(a, b, weight) / min(ta, tb)
}
