/**
 * Assessment (考核评价): indicators with documented formulas per month for departments, streets, communities,
 * grids and grid workers, from its own read model that follows the work-order journal; versioned scoring
 * schemes with grades and rankings; and the monthly report (月度通报) as a workbook and a PDF.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Assessment",
        allowedDependencies = {"platform", "catalog", "workorder", "people", "geo", "whistle", "fieldwork", "services"})
@org.jspecify.annotations.NullMarked
package org.yiwang.assessment;
