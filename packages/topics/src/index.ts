export { type CategoryDraw, type CategoryOrder, type CategorySet, type CategorySetName, categorySet, categorySetNames, categorySets, drawCategories, firstYear, lastYear } from './categories.js';
export { embeddedLibrary } from './library.js';
export { libraryOf, loadLibrary, mergeLibraries, TopicLibraryError } from './load.js';
export {
  type Domain,
  domains,
  type Library,
  librarySchema,
  placeholdersOf,
  shapeNeeds,
  type TitlePlaceholder,
  type Topic,
  titlePatternSchema,
  titlePlaceholders,
  topicJsonSchema,
  topicSchema,
  type Unit,
  unitSchema,
  type ValueRange,
  type ValueShape,
  valueRangeSchema,
  valueShapes,
  seriesSchema,
  categorySetNameSchema,
} from './schema.js';
export type { SeededChoice } from './seeded-choice.js';
export { fillableTitles, fillTitle, runTitleValues, type TitleValues } from './titles.js';
export { compatibleShapes, generateSeriesValues, generateValues, roundToDecimals } from './values.js';
export { type GrowOptions, type GrowReport, growMessages, growTopics, type TopicModel } from './grow.js';
export { type ContentIdea, contentIdeaSchema, type IdeaFile, ideaFileSchema, ideaKinds, ideasOf, type IdeaModel, proposeIdeas, proposeMessages, type ProposeReport } from './ideas.js';
export { type TopicRelation, topicRelations } from './relations.js';
