// App Service plan and Linux web app on .NET 10, running as the user-assigned identity. The plan allows
// scale-out: the bot keeps no state in memory that a second instance would miss (Table storage with ETags).
@description('Name prefix.')
param baseName string

@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags object

@description('App Service plan SKU; Basic and up allow several instances.')
param planSku string

@description('Instances to run.')
@minValue(1)
@maxValue(30)
param instanceCount int

@description('Resource id of the user-assigned identity.')
param identityId string

@description('App settings (name: value), the bot\'s configuration keys.')
param appSettings object

@description('Application Insights resource whose connection string the app exports to.')
param insightsName string

resource insights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: insightsName
}

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: '${baseName}-plan'
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: planSku
    capacity: instanceCount
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2025-03-01' = {
  name: '${baseName}-app'
  location: location
  tags: tags
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identityId}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      alwaysOn: true
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      healthCheckPath: '/healthz'
    }
  }
}

// App settings as one resource: values known only during deployment (identity, endpoints) are fine here.
resource settings 'Microsoft.Web/sites/config@2025-03-01' = {
  parent: site
  name: 'appsettings'
  properties: union(appSettings, {
    APPLICATIONINSIGHTS_CONNECTION_STRING: insights.properties.ConnectionString
  })
}

@description('Host name of the web app, e.g. <name>.azurewebsites.net.')
output defaultHostName string = site.properties.defaultHostName

@description('Web app name (for az webapp deploy).')
output name string = site.name
