// Package reporting holds the domain of the periodic report: the actual
// value of each target per reporting period and its verdict, the figures of
// the statistical appendix and the shares they give, the report as a
// record (sections and paragraphs, drafts and the versions sent) with its
// redrafting rules, and the tables of its appendices.
package reporting
