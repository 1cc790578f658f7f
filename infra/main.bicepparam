// Parameters for one board's deployment. Copy, change the values, then:
//   az deployment group create -g <resource-group> --parameters infra/main.bicepparam
using 'main.bicep'

param baseName = 'reviewbot-lscb'
param botAppType = 'UserAssignedMSI'
param botDisplayName = 'ReviewBot'
param planSku = 'P0v3'
param instanceCount = 2
param logRetentionDays = 90
param graphSettings = {}
// Set after registering the actionable-message provider (README "Deploy", step 7), then redeploy.
param outlookOriginatorId = ''
param tags = {
  application: 'ReviewBot'
  board: 'lscb'
}
