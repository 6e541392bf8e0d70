// The CLI's options are static fields shared by every command tree the tests build; building trees
// concurrently would race on their parent lists. The pipeline is parallel inside each run anyway.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
